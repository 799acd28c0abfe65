package org.edgeworks.core.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.processing.Parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON format of Edgeworks' result files: keys in snake_case, as Larch and NeXus users
 * read them. Map keys are written as they are (the outputs' own keys, already snake_case, and data
 * names such as reference names); the properties of records (e.g. a source's {@code pathInFile},
 * a valence row's {@code edgeEnergy}) are written in snake_case ({@code path_in_file},
 * {@code edge_energy}) and, for one release, also under their former camelCase name, an alias the
 * README announces. Parameter maps keep the parameter names pipelines use.
 */
public final class JsonOut {
    private JsonOut() {}

    private static final ObjectMapper SNAKE = Parameters.json().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The value as indented JSON text with snake_case keys and the camelCase aliases. */
    public static String write(Object value) throws JsonProcessingException {
        JsonNode snake = SNAKE.valueToTree(value);
        JsonNode camel = Parameters.json().valueToTree(value);
        addAliases(snake, camel);
        return Parameters.json().writeValueAsString(snake);
    }

    /** Walks both trees together (same shape, only record property names differ) and adds each former name. */
    private static void addAliases(JsonNode snake, JsonNode camel) {
        if (snake instanceof ObjectNode s && camel instanceof ObjectNode c) {
            List<Map.Entry<String, JsonNode>> sf = new ArrayList<>(), cf = new ArrayList<>();
            s.fields().forEachRemaining(sf::add);
            c.fields().forEachRemaining(cf::add);
            if (sf.size() != cf.size()) return;
            for (int i = 0; i < sf.size(); i++) {
                addAliases(sf.get(i).getValue(), cf.get(i).getValue());
                String was = cf.get(i).getKey();
                if (!was.equals(sf.get(i).getKey()) && !s.has(was)) s.set(was, sf.get(i).getValue());
            }
        } else if (snake != null && snake.isArray() && camel != null && camel.isArray() && snake.size() == camel.size()) {
            Iterator<JsonNode> a = snake.elements(), b = camel.elements();
            while (a.hasNext()) addAliases(a.next(), b.next());
        }
    }
}
