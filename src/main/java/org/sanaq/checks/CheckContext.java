package org.sanaq.checks;

import org.sanaq.schema.Conventions;

/**
 * What a check knows of the job: the election it analyses, the country name (the region name of national
 * rows), the conventions, and its parameters.
 */
public record CheckContext(String election, String country, Conventions conventions, CheckParameters parameters) {
}
