package dev.aios.router.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes a miniature router-eval directory in the real formats; prompt 0 of each dataset is listed as contaminated. */
final class EvalFixture {
    private EvalFixture() {}

    static Path write(Path dir, int rows) throws IOException {
        Random random = new Random(5);
        Path routellm = dir.resolve("routellm");
        Files.createDirectories(routellm.resolve("mmlu_responses"));
        StringBuilder gsm = new StringBuilder("prompt,mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview,"
                + "mistralai/Mixtral-8x7B-Instruct-v0.1_response,gpt-4-1106-preview_response\n");
        StringBuilder mmlu = new StringBuilder("prompt,mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview\n");
        StringBuilder questions = new StringBuilder();
        StringBuilder judgements = new StringBuilder();
        String firstTurn = null;
        for (int i = 0; i < rows; i++) {
            // longer prompts are harder for the weak model, so a length signal exists to be found
            String filler = " and then some".repeat(random.nextInt(20));
            boolean weakRight = random.nextDouble() < (filler.length() > 120 ? 0.3 : 0.8);
            boolean strongRight = random.nextDouble() < 0.9;
            gsm.append("\"Question ")
                    .append(i)
                    .append(", how many apples")
                    .append(filler)
                    .append("?\",")
                    .append(cap(weakRight))
                    .append(',')
                    .append(cap(strongRight))
                    .append(",\"Step 1: think,\nthen say \"\"")
                    .append(i)
                    .append("\"\"\",\"fine\"\n");
            mmlu.append("\"Which statement ")
                    .append(i)
                    .append(filler)
                    .append("\nA. one\nB. two\",")
                    .append(cap(weakRight))
                    .append(',')
                    .append(cap(strongRight))
                    .append('\n');
            String turn1 = "Explain topic " + i + filler;
            firstTurn = firstTurn == null ? turn1 : firstTurn;
            questions
                    .append("{\"question_id\": ")
                    .append(i)
                    .append(", \"category\": \"x\", \"turns\": [\"")
                    .append(turn1)
                    .append("\", \"And why?\"]}\n");
            for (int turn = 1; turn <= 2; turn++) {
                judgements.append(judgement(i, "mistralai/Mixtral-8x7B-Instruct-v0.1", weakRight ? 8 : 4, turn));
                judgements.append(judgement(i, "gpt-4-1106-preview", strongRight ? 9 : 5, turn));
            }
        }
        Files.writeString(routellm.resolve("gsm8k_responses.csv"), gsm);
        Files.writeString(routellm.resolve("mmlu_responses/mmlu_anatomy.csv"), mmlu);
        Files.writeString(routellm.resolve("mt_bench_question.jsonl"), questions);
        Files.writeString(routellm.resolve("mt_bench_judgements.jsonl"), judgements);
        Files.writeString(routellm.resolve("gsm8k_contaminated_prompts.jsonl"), contaminated(firstPrompt(gsm)));
        Files.writeString(routellm.resolve("mmlu_contaminated_prompts.jsonl"), contaminated(firstPrompt(mmlu)));
        Files.writeString(routellm.resolve("mt_bench_contaminated_prompts.jsonl"), contaminated(firstTurn));
        StringBuilder lcb = new StringBuilder(
                "question_id,platform,difficulty,date,Claude-3.5-Sonnet-20241022,Codestral-Latest,Other\n");
        String[] levels = {"easy", "medium", "hard"};
        for (int i = 0; i < rows; i++) {
            String date = i % 4 == 0 ? "2024-01-15" : "2024-09-0" + (1 + i % 9);
            lcb.append("p")
                    .append(i)
                    .append(",leetcode,")
                    .append(levels[i % 3])
                    .append(',')
                    .append(date)
                    .append(',')
                    .append(i % 3 == 1 ? 100.0 : 50.0)
                    .append(',')
                    .append(i % 3 == 0 ? 50.0 : 0.0)
                    .append(",1.0\n");
        }
        Files.createDirectories(dir.resolve("livecodebench"));
        Files.writeString(dir.resolve("livecodebench/lcb_codegen_pass1_wide_33505c0.csv"), lcb);
        return dir;
    }

    private static String cap(boolean b) {
        return b ? "True" : "False";
    }

    private static String judgement(int id, String model, int score, int turn) {
        return "{\"question_id\": " + id + ", \"model\": \"" + model + "\", \"judge\": [\"gpt-4\", \"single\"], "
                + "\"user_prompt\": \"...\", \"judgment\": \"[[" + score + "]]\", \"score\": " + score + ", \"turn\": "
                + turn
                + ", \"tstamp\": 1.0}\n";
    }

    private static String firstPrompt(StringBuilder csv) throws IOException {
        return Csv.parse(new java.io.StringReader(csv.toString())).get(1).getFirst();
    }

    private static String contaminated(String prompt) {
        String escaped = prompt.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"train_prompt\": \"x\", \"eval_prompt\": \"" + escaped + "\", \"train_idx\": 1, \"eval_idx\": 0}\n";
    }
}
