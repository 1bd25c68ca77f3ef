package org.sanaq.checks;

import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * What a check knows of the job: the election it analyses, the country name (the region name of national
 * rows), the conventions, its parameters, and the messages of the report's language (findings' sentences are
 * written with them).
 */
public record CheckContext(String election, String country, Conventions conventions, CheckParameters parameters,
        Messages messages) {
}
