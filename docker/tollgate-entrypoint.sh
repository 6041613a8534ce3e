#!/usr/bin/env bash
# Entry point of the job image. `submit-all` (the compose stack's one-shot job): create the topics
# and submit the risk, demand and shipment jobs unless one of that kind already runs (so `up` twice is harmless). `deploy`:
# roll the mounted rule set out to the running risk job through a savepoint. Anything else is
# passed to the tollgate command line.
set -euo pipefail

flink_rest="${FLINK_REST:-http://jobmanager:8081}"
kafka="${KAFKA_BOOTSTRAP:-kafka:9092}"
config_dir="${TOLLGATE_CONFIG_DIR:-/opt/tollgate/config}"
rules="${TOLLGATE_RULES:-/opt/tollgate/rules}"

tollgate() {
  # The command line runs from the job jar on Flink's own classpath (lib/ holds flink-dist).
  java -cp "/opt/flink/lib/*:/opt/tollgate/tollgate-jobs-job.jar" dev.tollgate.jobs.cli.TollgateCommand "$@"
}

common=(--cluster "$flink_rest" --set "kafka.bootstrap-servers=$kafka"
        --set "checkpoints.dir=file:///flink-data/checkpoints")

case "${1:-submit-all}" in
  submit-all)
    # The shipment job runs the shipment.* rules, so the risk job leaves them out.
    tollgate submit "${common[@]}" --create-topics --if-not-running --job risk \
      --config "$config_dir/risk.yaml" --rules "$rules" --set "rules.exclude=shipment.*"
    tollgate submit "${common[@]}" --create-topics --if-not-running --job demand \
      --config "$config_dir/demand.yaml" --rules "$rules"
    tollgate submit "${common[@]}" --create-topics --if-not-running --job shipment \
      --config "$config_dir/shipment.yaml" --rules "$rules"
    ;;
  deploy)
    shift
    tollgate deploy "${common[@]}" --job "${TOLLGATE_JOB:-risk}" --rules "$rules" "$@"
    ;;
  *)
    tollgate "$@"
    ;;
esac
