package dev.aios.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** What the Maven build says: the root pom's modules, and per module its artifactId and whether Boot repackages it. */
final class MavenBuild {

    record Module(String name, Path directory, String artifactId, boolean springBootApplication) {

        Path applicationYml() {
            return directory.resolve("src/main/resources/application.yml");
        }

        Optional<SpringConfig> springConfig() {
            return Files.isRegularFile(applicationYml())
                    ? Optional.of(SpringConfig.read(applicationYml()))
                    : Optional.empty();
        }
    }

    private MavenBuild() {}

    static List<String> moduleNames() {
        Document root = parse(RepositoryRoot.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        Element modulesElement = child(root.getDocumentElement(), "modules");
        if (modulesElement != null) {
            for (Node n = modulesElement.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("module")) {
                    modules.add(e.getTextContent().trim());
                }
            }
        }
        return modules;
    }

    static Optional<Module> module(String name) {
        Path directory = RepositoryRoot.resolve(name);
        if (!moduleNames().contains(name) || !Files.isRegularFile(directory.resolve("pom.xml"))) {
            return Optional.empty();
        }
        Document pom = parse(directory.resolve("pom.xml"));
        Element project = pom.getDocumentElement();
        String artifactId = text(child(project, "artifactId"));
        boolean boot = containsText(pom, "artifactId", "spring-boot-maven-plugin");
        return Optional.of(new Module(name, directory, artifactId, boot));
    }

    private static boolean containsText(Document document, String tag, String text) {
        var nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (text.equals(nodes.item(i).getTextContent().trim())) {
                return true;
            }
        }
        return false;
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }
}
