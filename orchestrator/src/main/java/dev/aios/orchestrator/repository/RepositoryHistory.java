package dev.aios.orchestrator.repository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.jspecify.annotations.Nullable;

/** Reads the commits, trees and unified diffs of a repository {@link RepositoryExport} built, for the board. */
final class RepositoryHistory {
    /** A diff longer than this is cut, and says so: the board shows changes, not whole generated files. */
    static final int MAX_DIFF_CHARS = 200_000;

    private RepositoryHistory() {}

    record CommitSummary(String sha, String subject, String author, Instant authoredAt, List<FileChange> files) {}

    record FileChange(String path, String change) {}

    record FileDiff(String path, String change, String diff, boolean truncated) {}

    record CommitDetail(
            String sha,
            String subject,
            String message,
            String author,
            Instant authoredAt,
            List<FileDiff> files,
            List<String> tree) {}

    /** Every commit, oldest first, with the files it changed. */
    static List<CommitSummary> commits(Git git) throws IOException {
        Repository repo = git.getRepository();
        ObjectId head = repo.resolve("HEAD");
        if (head == null) {
            return List.of();
        }
        List<CommitSummary> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo);
                DiffFormatter names = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            names.setRepository(repo);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                List<FileChange> files = entries(names, walk, c).stream()
                        .map(e -> new FileChange(path(e), e.getChangeType().name()))
                        .toList();
                commits.add(new CommitSummary(
                        c.name(),
                        c.getShortMessage(),
                        c.getAuthorIdent().getName(),
                        c.getAuthorIdent().getWhenAsInstant(),
                        files));
            }
        }
        return commits.reversed();
    }

    /** One commit with the unified diff of each file against its parent and the paths of its tree. */
    static Optional<CommitDetail> commit(Git git, String sha) throws IOException {
        Repository repo = git.getRepository();
        ObjectId id;
        try {
            id = ObjectId.fromString(sha);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            if (!repo.getObjectDatabase().has(id)) {
                return Optional.empty();
            }
            RevCommit c = walk.parseCommit(id);
            List<FileDiff> files = new ArrayList<>();
            var out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setDiffComparator(RawTextComparator.DEFAULT);
                for (DiffEntry e : entries(formatter, walk, c)) {
                    out.reset();
                    formatter.format(e);
                    String diff = out.toString(StandardCharsets.UTF_8);
                    boolean truncated = diff.length() > MAX_DIFF_CHARS;
                    files.add(new FileDiff(
                            path(e),
                            e.getChangeType().name(),
                            truncated ? diff.substring(0, MAX_DIFF_CHARS) : diff,
                            truncated));
                }
            }
            return Optional.of(new CommitDetail(
                    c.name(),
                    c.getShortMessage(),
                    c.getFullMessage(),
                    c.getAuthorIdent().getName(),
                    c.getAuthorIdent().getWhenAsInstant(),
                    files,
                    tree(repo, c)));
        } catch (org.eclipse.jgit.errors.MissingObjectException
                | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return Optional.empty(); // a blob's or a tree's id is not a commit
        }
    }

    private static List<DiffEntry> entries(DiffFormatter formatter, RevWalk walk, RevCommit c) throws IOException {
        @Nullable
        RevTree parent = c.getParentCount() == 0
                ? null
                : walk.parseCommit(c.getParent(0)).getTree();
        return formatter.scan(parent, c.getTree());
    }

    private static List<String> tree(Repository repo, RevCommit c) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }

    private static String path(DiffEntry e) {
        return e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
    }
}
