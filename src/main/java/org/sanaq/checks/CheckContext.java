package org.sanaq.checks;

import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * What a check knows of the job: the election it analyses, the country name (the region name of national
 * rows), the conventions, its parameters, the messages of the report's language (findings' sentences are
 * written with them), and the data files' content keys (what it draws per protocol is seeded from them).
 */
public record CheckContext(String election, String country, Conventions conventions, CheckParameters parameters,
        Messages messages, ContentKeys contentKeys) {

    /** The context of rows whose files were not hashed (made in memory): each file name keys itself. */
    public CheckContext(String election, String country, Conventions conventions, CheckParameters parameters,
            Messages messages) {
        this(election, country, conventions, parameters, messages, ContentKeys.NONE);
    }
}
