// Validates every document of rendered Kubernetes manifests against the OpenAPI schemas shipped by
// kubernetes-models (core and CRDs we use: KEDA, Prometheus Operator). An unknown apiVersion/kind is
// an error, never a silent pass. Usage: node validate-manifests.mjs <file.yaml>...
// Prints one line per document and exits 1 if any document is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const packageFor = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelFor(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = packageFor[group] ?? "kubernetes-models";
  const path = `${pkg}/${apiVersion}/${kind}`;
  try {
    const module = await import(path);
    return module[kind];
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") {
      return undefined;
    }
    throw e;
  }
}

let documents = 0;
let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      failures++;
      console.log(`INVALID ${file}: YAML error: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    documents++;
    const name = `${object.kind}/${object.metadata?.name} (${object.apiVersion})`;
    const Model = object.apiVersion && object.kind ? await modelFor(object.apiVersion, object.kind) : undefined;
    if (!Model) {
      failures++;
      console.log(`INVALID ${name}: no schema known for this apiVersion and kind`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`VALID ${name}`);
    } catch (e) {
      failures++;
      console.log(`INVALID ${name}: ${e.message}`);
    }
  }
}
console.log(`${documents} documents, ${failures} invalid`);
process.exit(failures === 0 && documents > 0 ? 0 : 1);
