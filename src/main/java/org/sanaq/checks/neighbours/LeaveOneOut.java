package org.sanaq.checks.neighbours;

import java.util.Arrays;

/**
 * The median and the median absolute deviation (MAD) of a unit's values leaving each value out in turn: the centre
 * and spread of a precinct's neighbours, without the precinct itself (an outlier does not widen its own yardstick).
 * Exact: the values are sorted once; for each value the other n − 1 are the sorted array without that position, so
 * their median is read off by index, and the MAD, the median of their distances from that median, by walking
 * outwards from the median through the nearer of the two sides (at most n / 2 steps). O(n²) per unit in all.
 * Medians of an even number of values are the mean of the two middle ones.
 */
final class LeaveOneOut {

    /** A centre and a spread. */
    record Centre(double median, double mad) {
    }

    private LeaveOneOut() {
    }

    /** For each value, in the order given, the median and MAD of all the other values; needs two values or more. */
    static Centre[] centres(double[] values) {
        double[] sorted = sorted(values);
        Centre[] out = new Centre[values.length];
        for (int i = 0; i < values.length; i++) {
            Others others = new Others(sorted, Arrays.binarySearch(sorted, values[i]));
            double median = others.median();
            out[i] = new Centre(median, others.mad(median));
        }
        return out;
    }

    /** For each value, in the order given, the median of all the other values; needs two values or more. */
    static double[] medians(double[] values) {
        double[] sorted = sorted(values);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new Others(sorted, Arrays.binarySearch(sorted, values[i])).median();
        }
        return out;
    }

    /** The median and MAD of all the values, none left out (units too large for leave-one-out). */
    static Centre whole(double[] values) {
        Others all = new Others(sorted(values), values.length);
        double median = all.median();
        return new Centre(median, all.mad(median));
    }

    /** The median of all the values. */
    static double median(double[] values) {
        return new Others(sorted(values), values.length).median();
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The sorted values without the one at position {@code out} (a position past the end leaves none out). Equal
     * values are interchangeable, so any position of the left-out value gives the same others.
     */
    private record Others(double[] sorted, int out) {

        int size() {
            return out < sorted.length ? sorted.length - 1 : sorted.length;
        }

        double get(int k) {
            return sorted[k < out ? k : k + 1];
        }

        double median() {
            int m = size();
            return m % 2 == 1 ? get(m / 2) : (get(m / 2 - 1) + get(m / 2)) / 2;
        }

        /** The median of the distances from {@code median}, taken in increasing order from both sides of it. */
        double mad(double median) {
            int m = size();
            int left = lastAtMost(median);
            int right = left + 1;
            double lower = 0;
            double distance = 0;
            for (int rank = 0; rank <= m / 2; rank++) {
                double fromLeft = left >= 0 ? median - get(left) : Double.POSITIVE_INFINITY;
                double fromRight = right < m ? get(right) - median : Double.POSITIVE_INFINITY;
                if (fromLeft <= fromRight) {
                    distance = fromLeft;
                    left--;
                } else {
                    distance = fromRight;
                    right++;
                }
                if (rank == (m - 1) / 2) {
                    lower = distance;
                }
            }
            return m % 2 == 1 ? distance : (lower + distance) / 2;
        }

        /** The last position whose value is at most {@code x}, or −1. */
        private int lastAtMost(double x) {
            int low = 0;
            int high = size() - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (get(mid) <= x) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }
    }
}
