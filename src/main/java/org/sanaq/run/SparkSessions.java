package org.sanaq.run;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is made. Under {@code spark-submit} the master and settings come from the
 * cluster; otherwise sanaq runs on embedded local Spark bound to the loopback address with the UI off.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession start(String appName) {
        SparkConf conf = new SparkConf().setAppName("sanaq " + appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "8");
        }
        // Explicit, so that Spark 3.5 and 4.x behave the same; the code never relies on either default.
        conf.setIfMissing("spark.sql.ansi.enabled", "true");
        // The ingested table is cached once and read by every pass. Its partitions come from the duplicate
        // marking's shuffle; without this, adaptive execution may not coalesce a cached plan's partitions, and every
        // pass then runs spark.sql.shuffle.partitions (200 by default on a cluster) tasks over a small table.
        conf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
