package org.sanaq.checks.klimek;

/**
 * The honest model's parameters: turnout τ ~ N(turnoutCentre, turnoutSd) and leader's share ν ~ N(shareCentre,
 * shareSd), independent, each truncated to [0, 1].
 */
public record HonestParameters(double turnoutCentre, double turnoutSd, double shareCentre, double shareSd) {
}
