package org.sanaq.compare;

import java.io.Serializable;

/** A district of the official protocols: its region and district identifiers, either null when not given. */
public record DistrictKey(String region, String district) implements Serializable {
}
