package dev.aios.standalone.demo;

import dev.aios.standalone.scenario.Scenario;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user of the REST API: submits a brief, streams the sprint, downloads the delivered repository. */
public final class DemoRun {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI api;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;

    private final Duration deadline;

    /** {@code token}: a bearer token for the API (a submitter's at least: the run submits, raises budgets and stops). */
    public DemoRun(URI api, String token, PrintStream out, Duration deadline) {
        this.api = api;
        this.token = token;
        this.out = out;
        this.deadline = deadline;
    }

    /** What the run produced; a repository only when the project was delivered or stopped with work done. */
    public record Result(
            String projectId,
            String finalEvent,
            Optional<Path> repository,
            int commits,
            int tasksCompleted,
            String usage,
            String reason) {
        /** The words after "result: ProjectDelivered - ". */
        public String outcome() {
            return finalEvent.equals("ProjectFailed")
                    ? "nothing delivered: " + reason
                    : tasksCompleted + " task(s) completed, repository with " + commits + " commit(s)"
                            + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    /** What {@code POST /api/v1/projects} gets: the project, its options, and what waits for a person's approval. */
    public record Submission(
            String name, String brief, long budgetMicros, Map<String, Integer> options, List<String> approvals) {
        public Submission {
            options = Map.copyOf(options);
            approvals = List.copyOf(approvals);
        }

        public static Submission of(Scenario scenario) {
            return new Submission(
                    scenario.projectName(),
                    scenario.brief(),
                    scenario.budgetMicros(),
                    scenario.options(),
                    scenario.approvals());
        }

        /** A brief with no options and nothing waiting for approval. */
        public static Submission of(String name, String brief, long budgetMicros) {
            return new Submission(name, brief, budgetMicros, Map.of(), List.of());
        }
    }

    public Result run(Submission project, List<Scenario.Action> actions, Path outputRoot)
            throws IOException, InterruptedException {
        String name = project.name();
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("name", name);
        submission.put("brief", project.brief());
        submission.put("budgetMicros", project.budgetMicros());
        if (!project.options().isEmpty()) {
            submission.put("options", project.options());
        }
        if (!project.approvals().isEmpty()) {
            submission.put("approvals", project.approvals());
        }
        String body = JSON.writeValueAsString(submission);
        HttpResponse<String> submitted = http.send(
                request(api.resolve("/api/v1/projects"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IOException("the API refused the brief: HTTP " + submitted.statusCode() + " " + submitted.body());
        }
        JsonNode accepted = JSON.readTree(submitted.body());
        String projectId = accepted.path("id").asString();
        out.println("submitted: POST /api/v1/projects -> 202, Location "
                + submitted.headers().firstValue("Location").orElse("?"));
        out.println("streaming: GET " + accepted.path("events").asString());

        SprintPrinter printer = new SprintPrinter(out);
        Person person = new Person(projectId, actions);
        String finalEvent = stream(
                URI.create(api.resolve(accepted.path("events").asString()).toString()), printer, person);
        if (!FINAL_EVENTS.contains(finalEvent)) {
            stop(projectId);
            throw new IOException("the project did not finish within " + deadline.toMinutes() + " minutes (last event: "
                    + (finalEvent.isEmpty() ? "none" : finalEvent) + "); it was stopped");
        }
        if (finalEvent.equals("ProjectFailed")) {
            return new Result(
                    projectId,
                    finalEvent,
                    Optional.empty(),
                    0,
                    printer.tasksCompleted(),
                    printer.usageSummary(),
                    printer.endReason());
        }
        Path repository = findGitRoot(download(projectId, name, outputRoot));
        int commits = countCommits(repository);
        return new Result(
                projectId,
                finalEvent,
                Optional.of(repository),
                commits,
                printer.tasksCompleted(),
                printer.usageSummary(),
                finalEvent.equals("ProjectStopped") ? printer.endReason() : "");
    }

    /** The events after which a project's stream ends. */
    static final Set<String> FINAL_EVENTS = Set.of("ProjectDelivered", "ProjectStopped", "ProjectFailed");

    /** Plays the person of a scenario: does each action when its event arrives, through the API, and says so. */
    private final class Person {
        private final String projectId;
        private final List<Scenario.Action> actions;
        /** Decisions are taken once each, in order: the first approval request gets the first decision. */
        private final Deque<Scenario.Action> decisions = new ArrayDeque<>();

        Person(String projectId, List<Scenario.Action> actions) {
            this.projectId = projectId;
            this.actions = actions;
            actions.stream().filter(a -> a.decision().isPresent()).forEach(decisions::add);
        }

        void saw(String eventType, JsonNode event) throws IOException, InterruptedException {
            for (Scenario.Action action : actions) {
                if (action.onEvent().equals(eventType) && action.raiseBudgetMicros() > 0) {
                    long budget = event.path("payload").path("budgetMicros").asLong(0) + action.raiseBudgetMicros();
                    post("/budget", JSON.writeValueAsString(Map.of("budgetMicros", budget)), "raising the budget");
                }
            }
            Scenario.Action next = decisions.peek();
            if (next != null && next.onEvent().equals(eventType)) {
                decisions.poll();
                Scenario.Decision decision = next.decision().orElseThrow();
                String item = event.path("payload").path("itemId").asString();
                if (decision.grant()) {
                    post("/approvals/" + item + "/grant", null, "granting " + item);
                } else {
                    post(
                            "/approvals/" + item + "/reject",
                            JSON.writeValueAsString(Map.of("feedback", decision.feedback())),
                            "rejecting " + item);
                }
            }
        }

        private void post(String path, @Nullable String json, String what) throws IOException, InterruptedException {
            HttpRequest.Builder post = request(api.resolve("/api/v1/projects/" + projectId + path));
            if (json != null) {
                post.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            } else {
                post.POST(HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
            out.println("[person] as the scenario's user: POST /api/v1/projects/" + projectId.substring(0, 8) + "…"
                    + path + (json == null ? "" : " " + json) + " -> " + answer.statusCode());
            if (answer.statusCode() != 202) {
                throw new IOException(what + " was refused: HTTP " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    /** Reads the server-sent events until the stream completes; returns the type of the last event. */
    private String stream(URI events, SprintPrinter printer, Person person) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                request(events).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("event stream answered HTTP " + response.statusCode());
        }
        String eventType = "";
        StringBuilder data = new StringBuilder();
        String last = "";
        InputStream body = response.body();
        // heartbeats keep a stuck sprint's stream open forever: closing it at the deadline ends the read below
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(deadline);
                timedOut.set(true);
                body.close();
            } catch (InterruptedException | IOException e) {
                // finished in time, or already closed
            }
        });
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        JsonNode event = JSON.readTree(data.toString());
                        printer.print(eventType, event);
                        person.saw(eventType, event);
                        last = eventType;
                    }
                    eventType = "";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    eventType = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            if (!timedOut.get()) {
                throw e;
            }
            // the watchdog closed the stream: the caller reports the deadline
        } finally {
            watchdog.interrupt();
        }
        return last;
    }

    private void stop(String projectId) throws IOException, InterruptedException {
        http.send(
                request(api.resolve("/api/v1/projects/" + projectId + "/stop"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private Path download(String projectId, String name, Path outputRoot) throws IOException, InterruptedException {
        HttpResponse<byte[]> zip = http.send(
                request(api.resolve("/api/v1/projects/" + projectId + "/repository"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (zip.statusCode() != 200) {
            throw new IOException("repository download answered HTTP " + zip.statusCode());
        }
        Path target = outputRoot
                .resolve(slug(name) + "-" + projectId.substring(0, 8))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(target);
        unzip(zip.body(), target);
        return target;
    }

    static void unzip(byte[] archive, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("refusing an archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int countCommits(Path repository) throws IOException {
        try (Git git = Git.open(repository.toFile())) {
            int n = 0;
            for (RevCommit ignored : git.log().call()) {
                n++;
            }
            return n;
        } catch (GitAPIException e) {
            throw new IOException("cannot read the delivered repository's history: " + e.getMessage(), e);
        }
    }

    /** The archive holds the repository at its root or inside one top-level directory. */
    static Path findGitRoot(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve(".git"))) {
            return dir;
        }
        try (var children = Files.list(dir)) {
            return children.filter(c -> Files.isDirectory(c.resolve(".git")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no git repository in " + dir));
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "project" : s;
    }
}
