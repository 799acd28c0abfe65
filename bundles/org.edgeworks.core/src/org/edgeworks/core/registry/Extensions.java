package org.edgeworks.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads extension-point contributions. plugin.xml is the single source of truth: inside OSGi
 * the Equinox extension registry reads it; in a plain JVM (tests, batch, cluster jobs) this
 * class reads every {@code plugin.xml} on the class path itself. No id is registered in code.
 */
public final class Extensions {
    private Extensions() {}

    /** All top-level elements contributed to the extension point. */
    public static List<Contribution> contributions(String extensionPointId) {
        List<Contribution> fromOsgi = OsgiRegistry.contributions(extensionPointId);
        if (fromOsgi != null) return fromOsgi;
        return fromClassPath(extensionPointId, Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : Extensions.class.getClassLoader());
    }

    static List<Contribution> fromClassPath(String pointId, ClassLoader loader) {
        List<Contribution> out = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources("plugin.xml");
            for (URL url : Collections.list(urls)) out.addAll(parse(url, pointId, loader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list plugin.xml files: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<Contribution> parse(URL url, String pointId, ClassLoader loader) {
        List<Contribution> out = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(in);
            NodeList exts = doc.getElementsByTagName("extension");
            for (int i = 0; i < exts.getLength(); i++) {
                Element ext = (Element) exts.item(i);
                if (!pointId.equals(ext.getAttribute("point"))) continue;
                NodeList kids = ext.getChildNodes();
                for (int k = 0; k < kids.getLength(); k++) {
                    Node n = kids.item(k);
                    if (n.getNodeType() != Node.ELEMENT_NODE) continue;
                    Element el = (Element) n;
                    Map<String, String> attrs = new LinkedHashMap<>();
                    NamedNodeMap nm = el.getAttributes();
                    for (int a = 0; a < nm.getLength(); a++) attrs.put(nm.item(a).getNodeName(), nm.item(a).getNodeValue());
                    out.add(new Contribution(pointId, el.getTagName(), Collections.unmodifiableMap(attrs), url.toString(),
                        attr -> loader.loadClass(attrs.get(attr)).getDeclaredConstructor().newInstance()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
        return out;
    }
}
