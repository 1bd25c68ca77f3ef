package org.sanaq.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version and the commit it was built from, as Maven wrote them into the build. */
public final class ProgramVersion {
    private static final Properties PROPERTIES = load();

    private ProgramVersion() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    public static String commit() {
        return PROPERTIES.getProperty("commit", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/org/sanaq/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the version unknown; the manifest says so
        }
        return p;
    }
}
