package org.sanaq.checks.roundpct;

import java.io.Serializable;

/** A unit of a table above the precinct: its level, region and district (null above the district level). */
record Unit(String level, String region, String district) implements Serializable {
}
