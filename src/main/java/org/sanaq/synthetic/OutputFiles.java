package org.sanaq.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The generator's output folder on any Hadoop file system (a local path, {@code hdfs://}, {@code s3a://}), usable
 * from the driver and from tasks.
 */
final class OutputFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The files the generator writes; only these are removed before writing again. */
    private static final String OURS = "^(precincts|observers|truth)-\\d{5}\\.csv$|^regions\\.csv$|^truth-regions\\.csv$"
            + "|^job\\.yaml$";
    private final String folder;

    OutputFiles(String folder) {
        this.folder = folder;
    }

    private FileSystem fileSystem() throws IOException {
        FileSystem fs = new Path(folder).getFileSystem(new Configuration());
        fs.setWriteChecksum(false); // no .crc side files beside the data on a local disk
        return fs;
    }

    OutputStream create(String name) throws IOException {
        return fileSystem().create(new Path(folder, name), true);
    }

    /** Removes the files a previous generation left (their number may differ), and nothing else. */
    void clear() throws IOException {
        FileSystem fs = fileSystem();
        Path dir = new Path(folder);
        if (!fs.exists(dir)) {
            fs.mkdirs(dir);
            return;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.isFile() && s.getPath().getName().matches(OURS)) {
                fs.delete(s.getPath(), false);
            }
        }
    }
}
