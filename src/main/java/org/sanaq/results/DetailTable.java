package org.sanaq.results;

import java.util.List;

/**
 * A detail table, written as tables/{@code name}.csv: bounded in size (per unit or per cell, never per precinct
 * unless the rows are violations or discrepancies), every cell as text so that values stay as published.
 */
public record DetailTable(String name, String title, List<String> columns, List<List<String>> rows) {

    public DetailTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
