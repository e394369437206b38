package dev.sobatch.reliability.hostile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Element-level edits on XML text, found by a tolerant tag scan rather than a parser, so that they also
 * work on documents that earlier edits have already broken.
 */
final class XmlSurgery {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?)([^<>]*?)(/?)>");

    /** One element: where its start tag begins and opens, and where its end tag closes. */
    record Element(String name, int start, int contentStart, int contentEnd, int end) {
        String text(String xml) {
            return xml.substring(start, end);
        }
    }

    private XmlSurgery() {
    }

    static List<Element> elements(String xml) {
        List<Element> result = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        Matcher m = TAG.matcher(xml);
        while (m.find()) {
            String name = m.group(2);
            if (!m.group(4).isEmpty()) {
                result.add(new Element(name, m.start(), m.end(), m.end(), m.end()));
            } else if (m.group(1).isEmpty()) {
                open.push(new int[] {m.start(), m.end()});
                names.push(name);
            } else if (!names.isEmpty() && names.peek().equals(name)) {
                int[] s = open.pop();
                names.pop();
                result.add(new Element(name, s[0], s[1], m.start(), m.end()));
            }
        }
        result.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return result;
    }

    private static Element pick(String xml, int index) {
        List<Element> all = elements(xml);
        return all.isEmpty() ? null : all.get(Math.floorMod(index, all.size()));
    }

    static String delete(String xml, int index) {
        Element e = pick(xml, index);
        return e == null ? xml : xml.substring(0, e.start()) + xml.substring(e.end());
    }

    static String duplicate(String xml, int index, int times) {
        Element e = pick(xml, index);
        if (e == null) {
            return xml;
        }
        String copy = e.text(xml).repeat(Math.max(1, times));
        return xml.substring(0, e.end()) + copy + xml.substring(e.end());
    }

    /** Moves one element to just after another (that is not inside it): reorders siblings, or misplaces it. */
    static String move(String xml, int index, int target) {
        Element e = pick(xml, index);
        Element t = pick(xml, target);
        if (e == null || t == null || t.start() >= e.start() && t.end() <= e.end()) {
            return xml;
        }
        String cut = xml.substring(0, e.start()) + xml.substring(e.end());
        int at = t.end() <= e.start() ? t.end() : t.end() - (e.end() - e.start());
        at = Math.max(0, Math.min(at, cut.length()));
        return cut.substring(0, at) + e.text(xml) + cut.substring(at);
    }

    static String replaceContent(String xml, int index, String content) {
        Element e = pick(xml, index);
        if (e == null || e.contentStart() == e.end()) {
            return xml;
        }
        return xml.substring(0, e.contentStart()) + content + xml.substring(e.contentEnd());
    }

    static String addAttribute(String xml, int index, String attribute) {
        Element e = pick(xml, index);
        if (e == null) {
            return xml;
        }
        int at = e.start() + 1 + e.name().length();
        return xml.substring(0, at) + " " + attribute + xml.substring(at);
    }

    static String rename(String xml, int index, String newLocalName) {
        Element e = pick(xml, index);
        if (e == null) {
            return xml;
        }
        String name = e.name();
        int colon = name.indexOf(':');
        String renamed = colon < 0 ? newLocalName : name.substring(0, colon + 1) + newLocalName;
        String start = xml.substring(e.start(), e.contentStart()).replaceFirst(Pattern.quote(name),
                Matcher.quoteReplacement(renamed));
        if (e.contentStart() == e.end()) {
            return xml.substring(0, e.start()) + start + xml.substring(e.end());
        }
        return xml.substring(0, e.start()) + start + xml.substring(e.contentStart(), e.contentEnd()) + "</" + renamed
                + ">" + xml.substring(e.end());
    }

    /** Wraps an element's content in {@code depth} nested elements. */
    static String nest(String xml, int index, int depth) {
        Element e = pick(xml, index);
        if (e == null || e.contentStart() == e.end()) {
            return xml;
        }
        StringBuilder sb = new StringBuilder(xml.length() + depth * 8);
        sb.append(xml, 0, e.contentStart());
        sb.append("<n>".repeat(depth));
        sb.append(xml, e.contentStart(), e.contentEnd());
        sb.append("</n>".repeat(depth));
        sb.append(xml, e.contentEnd(), xml.length());
        return sb.toString();
    }
}
