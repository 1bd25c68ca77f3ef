package org.sanaq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * PLACEHOLDER (branch deploy) for the real CLI, which replaces it on merge. It only honours the CLI's deployment
 * contract, so that the build, the shaded jar and StandaloneClusterIT can be proven: {@code run <job.yaml> --output
 * <dir>} runs on the master given by spark-submit (embedded {@code local[*]} when none is set), runs a small
 * distributed job and writes manifest.json (with {@code sparkMaster}), findings.json, metrics.csv and report.pdf.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].equals("run")) {
            System.err.println("usage: sanaq run <job.yaml> [--output <dir>]");
            System.exit(2);
        }
        Path job = Path.of(args[1]);
        boolean hasOutput = args.length >= 4 && args[2].equals("--output");
        Path out = hasOutput ? Path.of(args[3]) : Path.of("reports", "placeholder");
        if (!Files.isRegularFile(job)) {
            System.err.println("job file not found: " + job.toAbsolutePath());
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("sanaq");
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            long count = spark.range(1000).repartition(4).count();
            Files.createDirectories(out);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("job", job.toString());
            manifest.put("sparkVersion", spark.version());
            manifest.put("sparkMaster", spark.sparkContext().master());
            ObjectMapper json = new ObjectMapper();
            json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("manifest.json").toFile(), manifest);
            json.writeValue(out.resolve("findings.json").toFile(), List.of());
            Files.writeString(out.resolve("metrics.csv"),
                    "check,scope,subject,metric,value\nplaceholder,run,range,count," + count + "\n",
                    StandardCharsets.UTF_8);
            try (PDDocument pdf = new PDDocument()) {
                pdf.addPage(new PDPage());
                pdf.save(out.resolve("report.pdf").toFile());
            }
            System.out.println("wrote " + out.toAbsolutePath() + " (master " + spark.sparkContext().master() + ")");
        } finally {
            spark.stop();
        }
    }
}
