package org.sanaq.results;

/**
 * One computed number, a row of metrics.csv: {@code check,scope,subject,metric,value}. {@code scope} is
 * {@code national}, {@code region=<name>}, {@code district=<name>} or {@code precinct=<id>}; {@code subject} is
 * {@code turnout}, a candidate's name, {@code all}, or what the check documents (e.g. {@code d=2}).
 */
public record Metric(String check, String scope, String subject, String metric, double value) {
}
