package dev.aios.router.policy.bench;

import java.util.Locale;

/**
 * Agent task prompts shaped like the ones the personas send: a system prompt, then the task briefing (project
 * brief, architecture notes, the task with its acceptance criteria, the dependencies' outputs and the relevant
 * workspace files), grown to a target size with more workspace files, as a big task's context would be.
 */
final class TaskPrompts {
    private TaskPrompts() {}

    private static final String SYSTEM = """
            You are the backend engineer of a small software team. You receive one task from the backlog, the project
            brief, the architecture notes, the work already done and the relevant files of the workspace. You write the
            server-side code that makes the task's acceptance criteria true.
            Answer with ONE JSON object and nothing else: {"summary": "...", "files": [{"path": "...", "content": "..."}]}
            """;

    private static final String BRIEFING = """
            # Project: invoicing

            ## Brief
            A multi-tenant invoicing service for small agencies: customers, projects, time entries, invoices in several
            currencies, PDF export, reminders for overdue invoices and a REST API for the web client. Postgres for
            storage, one deployable, Java 21 with Spring Boot. Every tenant's data must stay separate.

            ## Architecture notes
            Modules by feature: customers, projects, time, invoicing, reminders. Each feature owns its controller,
            records and repository; money is a value type (amount in minor units plus currency); events between
            features go through an in-process publisher and an outbox table, so that reminders never miss an invoice.

            ## Your task T-%d: %s
            Kind: code, complexity: medium, estimate: 5 points

            %s

            ### Acceptance criteria
            - Closing an invoice twice answers 409 with a problem detail and changes nothing
            - Concurrent closes of the same invoice produce exactly one InvoiceClosed event
            - The outbox row and the invoice's state change commit in one transaction

            ## Work already done that this task builds on
            - T-3 Invoice aggregate: states draft, issued, closed (files: src/main/java/app/invoicing/Invoice.java)
            - T-5 Outbox relay: polls and publishes (files: src/main/java/app/outbox/OutboxRelay.java)

            ## Relevant workspace files
            """;

    private static final String FILE = """
            ### src/main/java/app/invoicing/InvoiceService%d.java
            ```
            package app.invoicing;

            public final class InvoiceService%d {
                private final InvoiceRepository repository;
                private final Outbox outbox;

                public InvoiceService%d(InvoiceRepository repository, Outbox outbox) {
                    this.repository = repository;
                    this.outbox = outbox;
                }

                @Transactional
                public Invoice close(InvoiceId id, Clock clock) {
                    Invoice invoice = repository.findForUpdate(id).orElseThrow(() -> new InvoiceNotFound(id));
                    if (invoice.state() == State.CLOSED) {
                        throw new InvoiceAlreadyClosed(id);
                    }
                    Invoice closed = invoice.close(clock.instant());
                    repository.save(closed);
                    outbox.append(new InvoiceClosed(id, closed.total(), clock.instant()));
                    return closed;
                }
            }
            ```
            """;

    /** A persona's task prompt of about {@code chars} characters (about chars / 4 tokens). */
    static String of(int chars) {
        String description = """
                Make closing an invoice idempotent and safe under concurrency: two requests that close the same invoice
                at the same time currently both publish InvoiceClosed, and the reminder job then sends two e-mails.
                Find why the lock does not hold, fix it, and add a test that closes from two threads.""";
        StringBuilder b = new StringBuilder(chars + 1024).append(SYSTEM).append('\n');
        b.append(String.format(Locale.ROOT, BRIEFING, 12, "Idempotent invoice close", description));
        for (int i = 1; b.length() < chars; i++) {
            b.append(FILE.formatted(i, i, i));
        }
        return b.toString();
    }
}
