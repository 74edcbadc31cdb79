{{/* Release-wide name: "<release>" when it already contains the chart name, else "<release>-aios". */}}
{{- define "aios.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "aios.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one service's objects; call with (dict "root" $ "service" $name). */}}
{{- define "aios.serviceName" -}}
{{- printf "%s-%s" (include "aios.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aios.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "aios.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: aios
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "service" $name). */}}
{{- define "aios.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aios.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "aios.secretName" -}}
{{- default (printf "%s-secrets" (include "aios.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "aios.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "aios.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "aios.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .service (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "aios.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.dnsNamespace }}
  ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
{{- end -}}
{{- define "aios.brokerAndRedisEgress" -}}
- to:
    {{- toYaml .Values.externalRabbitmq.networkPolicyPeers | nindent 4 }}
  ports:
    - {protocol: TCP, port: {{ .Values.externalRabbitmq.port }}}
- to:
    {{- toYaml .Values.externalRedis.networkPolicyPeers | nindent 4 }}
  ports:
    - {protocol: TCP, port: {{ .Values.externalRedis.port }}}
{{- end -}}
