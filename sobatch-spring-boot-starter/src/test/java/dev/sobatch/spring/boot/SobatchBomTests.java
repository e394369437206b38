package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM pins every published sobatch artifact and nothing else. Lives here because a pom-only module runs no
 * tests, and the starter is the module a BOM user meets first.
 */
class SobatchBomTests {

    /** Reactor modules that are not published as libraries, so not in the BOM. */
    private static final Set<String> UNPUBLISHED = Set.of("sobatch-bom", "batch-examples", "batch-examples-webflux",
            "batch-benchmarks", "batch-reliability", "batch-test-support");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomHasNoParentAndManagesOnlySobatchArtifactsAtTheProjectVersion() throws Exception {
        Document bom = parse(ROOT.resolve("sobatch-bom/pom.xml"));
        assertThat(children(bom.getDocumentElement(), "parent")).isEmpty();
        for (Element dependency : managedDependencies(bom)) {
            assertThat(text(dependency, "groupId")).isEqualTo("dev.sobatch");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            assertThat(text(dependency, "scope")).isNull();
        }
        assertThat(text(bom.getDocumentElement(), "version"))
                .isEqualTo(text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version"));
    }

    @Test
    void theBomListsEveryPublishedModuleOfTheBuild() throws Exception {
        Document root = parse(ROOT.resolve("pom.xml"));
        List<String> published = new ArrayList<>();
        for (Element modules : children(root.getDocumentElement(), "modules")) {
            for (Element module : children(modules, "module")) {
                String name = module.getTextContent().trim();
                if (!UNPUBLISHED.contains(name)) {
                    published.add(text(parse(ROOT.resolve(name).resolve("pom.xml")).getDocumentElement(),
                            "artifactId"));
                }
            }
        }
        List<String> pinned = managedDependencies(parse(ROOT.resolve("sobatch-bom/pom.xml"))).stream()
                .map(d -> text(d, "artifactId")).toList();
        assertThat(pinned).containsAll(published);
        for (String artifact : pinned) {
            assertThat(Files.isRegularFile(ROOT.resolve(artifact).resolve("pom.xml")))
                    .as("module directory of %s", artifact).isTrue();
        }
    }

    private static List<Element> managedDependencies(Document pom) {
        List<Element> result = new ArrayList<>();
        for (Element management : children(pom.getDocumentElement(), "dependencyManagement")) {
            for (Element dependencies : children(management, "dependencies")) {
                result.addAll(children(dependencies, "dependency"));
            }
        }
        assertThat(result).isNotEmpty();
        return result;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
