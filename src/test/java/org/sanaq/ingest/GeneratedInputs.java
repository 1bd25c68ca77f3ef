package org.sanaq.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The broken inputs of the corpus that are made at test time: names git or some file systems cannot hold well
 * (globs, commas), links, folders, pipes and files too big to keep. Each case gets its own folder, so that the
 * files that a glob or a comma would have picked up lie beside the one named.
 */
final class GeneratedInputs {
    /** The file (or folder, pipe, link) a case's job names, and extra keys for its input ("symlinks: refuse"). */
    record Generated(Path file, String inputKeys) {
    }

    private GeneratedInputs() {
    }

    static Generated make(String name, Path corpus, Path work) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "case");
        List<String> good = Files.readAllLines(corpus.resolve("good.csv"));
        String goodText = String.join("\n", good) + "\n";
        // one row that is not in good.csv: a file read by mistake changes the count of rows used
        String other = good.get(0) + "\ne,official,precinct,West,9,100,50,0,50,30,20\n";
        switch (name) {
            case "ten-megabyte-line.csv" -> {
                return new Generated(tenMegabyteLine(dir.resolve(name), good), "");
            }
            case "data[1].csv beside data1.csv" -> {
                Files.writeString(dir.resolve("data1.csv"), other);
                return new Generated(Files.writeString(dir.resolve("data[1].csv"), goodText), "");
            }
            case "star*.csv beside starA.csv and starB.csv" -> {
                Files.writeString(dir.resolve("starA.csv"), other);
                Files.writeString(dir.resolve("starB.csv"), other);
                return new Generated(Files.writeString(dir.resolve("star*.csv"), goodText), "");
            }
            case "a name with a comma" -> {
                Files.writeString(dir.resolve("results"), other);
                Files.writeString(dir.resolve(" final.csv"), other);
                return new Generated(Files.writeString(dir.resolve("results, final.csv"), goodText), "");
            }
            case "a name with # and %20 and a space" -> {
                Files.writeString(dir.resolve("a"), other);
                return new Generated(Files.writeString(dir.resolve("a #1 %20 x?.csv"), goodText), "");
            }
            case "a Cyrillic name" -> {
                return new Generated(Files.writeString(dir.resolve("протоколы УИК.csv"), goodText), "");
            }
            case "a symbolic link followed" -> {
                Path target = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("data.csv"),
                        goodText);
                return new Generated(Files.createSymbolicLink(dir.resolve("linked.csv"), target), "");
            }
            case "a symbolic link refused" -> {
                Path target = Files.writeString(dir.resolve("data.csv"), goodText);
                return new Generated(Files.createSymbolicLink(dir.resolve("linked.csv"), target),
                        "symlinks: refuse");
            }
            case "a folder" -> {
                Path folder = Files.createDirectory(dir.resolve("a-folder"));
                Files.writeString(folder.resolve("data.csv"), goodText);
                return new Generated(folder, "");
            }
            case "a named pipe" -> {
                Path pipe = dir.resolve("pipe.csv");
                Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
                if (mkfifo.waitFor() != 0) {
                    throw new IOException("mkfifo " + pipe + " failed");
                }
                return new Generated(pipe, "");
            }
            case "20000 candidate columns" -> {
                return new Generated(manyCandidates(dir.resolve("many-candidates.csv"), 20_000), "");
            }
            default -> throw new IllegalArgumentException("no generator for the case '" + name + "'");
        }
    }

    /** A file with a 10 MB line between two good ones. */
    private static Path tenMegabyteLine(Path file, List<String> good) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(good.get(0) + "\n" + good.get(1) + "\n");
            out.write("e,official,precinct,North,2,");
            out.write("9".repeat(10 * 1024 * 1024));
            out.write(",500,5,495,300,195\n" + good.get(3) + "\n");
        }
        return file;
    }

    /** A header with {@code candidates} candidate columns and one row of ones. */
    private static Path manyCandidates(Path file, int candidates) throws IOException {
        StringBuilder header = new StringBuilder("election,source,level,region,precinct,registered,valid");
        StringBuilder row = new StringBuilder("e,official,precinct,North,1,100000,20000");
        for (int i = 0; i < candidates; i++) {
            header.append(",votes:C").append(i);
            row.append(",1");
        }
        return Files.writeString(file, header + "\n" + row + "\n");
    }
}
