package dev.aios.router.evaluation.bench;

/** A persona task prompt of a given size, shaped like agent-persona's TaskBriefing (as in llm-router-policy's bench). */
final class TaskPrompt {
    private TaskPrompt() {}

    static String of(int chars) {
        StringBuilder b = new StringBuilder(chars + 1024);
        b.append("You are the backend engineer of a small software team. Answer with one JSON object.\n\n");
        b.append(
                        "# Project: invoicing\n\n## Brief\nA multi-tenant invoicing service: customers, projects, time entries, invoices in")
                .append(" several currencies, PDF export and reminders. Postgres, Java 21, Spring Boot.\n\n");
        b.append("## Architecture notes\nModules by feature; money is a value type; events go through an outbox.\n\n");
        b.append("## Your task T-12: Idempotent invoice close\nKind: code, complexity: medium, estimate: 5 points\n\n");
        b.append(
                        "Make closing an invoice idempotent and safe under concurrency: two requests that close the same invoice at the")
                .append(
                        " same time both publish InvoiceClosed, and the reminder job then sends two e-mails. Find why the lock does")
                .append(" not hold, fix it, and add a test that closes from two threads.\n\n");
        b.append(
                "### Acceptance criteria\n- Closing twice answers 409 and changes nothing\n- Concurrent closes publish one event\n\n");
        b.append("## Relevant workspace files\n");
        for (int i = 1; b.length() < chars; i++) {
            b.append("### src/main/java/app/invoicing/InvoiceService")
                    .append(i)
                    .append(".java\n```\n")
                    .append("public final class InvoiceService")
                    .append(i)
                    .append(" {\n")
                    .append("    @Transactional\n    public Invoice close(InvoiceId id, Clock clock) {\n")
                    .append(
                            "        Invoice invoice = repository.findForUpdate(id).orElseThrow(() -> new InvoiceNotFound(id));\n")
                    .append("        if (invoice.state() == State.CLOSED) { throw new InvoiceAlreadyClosed(id); }\n")
                    .append(
                            "        Invoice closed = invoice.close(clock.instant());\n        repository.save(closed);\n")
                    .append(
                            "        outbox.append(new InvoiceClosed(id, closed.total(), clock.instant()));\n        return closed;\n")
                    .append("    }\n}\n```\n");
        }
        return b.toString();
    }

    static String taskSection(String prompt) {
        int start = prompt.indexOf("## Your task ");
        return prompt.substring(start, prompt.indexOf("\n## ", start));
    }
}
