package org.sanaq.checks.integrity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sanaq.text.Messages;

/**
 * The relations one job's protocol_integrity counts, by index: the built-in control relations
 * ({@link ControlRelation#builtIn}), then those the job declares ({@link DeclaredRelation}), then the printed turnout
 * and the printed shares ({@link PublishedPercentage}). It travels with the fold to the executors, so it holds only
 * ids and declarations; the Spark expressions are built on the driver ({@link #controlRelations}).
 *
 * @param ids every relation's id, by index
 */
record IntegrityRelations(List<String> ids, List<DeclaredRelation> declared) implements Serializable {

    IntegrityRelations {
        ids = List.copyOf(ids);
        declared = List.copyOf(declared);
    }

    /** The built-in relations and the job's own. */
    static IntegrityRelations of(List<DeclaredRelation> declared) {
        List<String> ids = new ArrayList<>(ControlRelation.builtIn().stream().map(ControlRelation::id).toList());
        declared.forEach(d -> ids.add(d.id()));
        ids.add(PublishedPercentage.TURNOUT.id());
        ids.add(PublishedPercentage.SHARE.id());
        return new IntegrityRelations(ids, declared);
    }

    /** The ids a job's relation may not take: the built-in relations', the printed percentages', the level sums'. */
    static Set<String> builtInIds() {
        Set<String> taken = new HashSet<>(of(List.of()).ids());
        for (LevelSum sum : LevelSum.values()) {
            taken.add(sum.id());
        }
        return taken;
    }

    /** The control relations' Spark expressions, built-in ones first, in index order. */
    List<ControlRelation> controlRelations() {
        List<ControlRelation> out = new ArrayList<>(ControlRelation.builtIn());
        declared.forEach(d -> out.add(d.relation()));
        return out;
    }

    int size() {
        return ids.size();
    }

    String id(int relation) {
        return ids.get(relation);
    }

    /** The index of the printed turnout: the control relations are the ones before it. */
    int turnout() {
        return ids.size() - 2;
    }

    /** The index of the printed shares. */
    int share() {
        return ids.size() - 1;
    }

    /** A relation in words: the job's own words or its names for a declared one, the message of a built-in one. */
    String describe(int relation, Messages words) {
        int builtIn = turnout() - declared.size();
        if (relation >= builtIn && relation < turnout()) {
            return declared.get(relation - builtIn).describe(words);
        }
        return words.format(ProtocolIntegrityCheck.ID + ".relation." + id(relation));
    }
}
