package org.edgeworks.ui.viewers;

import java.util.List;

import org.edgeworks.core.data.RixsMap;

/** Two to six maps of one sample in different states (pristine, charged...), opened together for comparison. */
public record MapSeries(List<RixsMap> maps) {
    public MapSeries {
        maps = List.copyOf(maps);
    }
}
