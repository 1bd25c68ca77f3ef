package org.sanaq.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;

/**
 * The rows of a detail table that one figure draws: those that pass the figure's filter, with the figure's column
 * roles ({@code bin_low}, {@code value}, ...) resolved to the table's columns. A role that the figure does not map
 * is looked up under its own name.
 */
final class FigureRows {
    private final FigureSpec figure;
    private final DetailTable table;
    private final List<List<String>> rows;

    FigureRows(FigureSpec figure, DetailTable table) {
        this.figure = figure;
        this.table = table;
        List<List<String>> kept = new ArrayList<>();
        for (List<String> row : table.rows()) {
            if (passes(row)) {
                kept.add(row);
            }
        }
        this.rows = kept;
    }

    int size() {
        return rows.size();
    }

    /** The text of a role's cell in row {@code i}. */
    String text(int i, String role) {
        int column = column(role);
        List<String> row = rows.get(i);
        return column < row.size() && row.get(column) != null ? row.get(column) : "";
    }

    /** The number in a role's cell in row {@code i}, or NaN when the cell is empty or not a number. */
    double number(int i, String role) {
        try {
            return Double.parseDouble(text(i, role).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private boolean passes(List<String> row) {
        for (Map.Entry<String, String> condition : figure.filter().entrySet()) {
            int column = table.columns().indexOf(condition.getKey());
            if (column < 0 || column >= row.size() || !condition.getValue().equals(row.get(column))) {
                return false;
            }
        }
        return true;
    }

    private int column(String role) {
        String name = figure.columns().getOrDefault(role, role);
        int column = table.columns().indexOf(name);
        if (column < 0) {
            throw new IllegalArgumentException("figure " + figure.id() + " needs column '" + name + "' in table "
                    + table.name());
        }
        return column;
    }
}
