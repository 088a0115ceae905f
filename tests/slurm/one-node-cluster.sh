#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (run as root), for testing `grid --slurm` for real:
# installs Debian's slurm-wlm and munge if missing, creates the munge key if missing, writes
# /etc/slurm/slurm.conf (this machine as the only node, with the CPUs and memory `slurmd -C` reports),
# starts munged, slurmctld and slurmd, and waits until `sinfo` shows the node idle.
# Idempotent: with the cluster already up it only checks it. Writes nothing into the project.
# Stop it with: tests/slurm/one-node-cluster.sh --stop
set -euo pipefail

CONF=/etc/slurm/slurm.conf
MARK="# Written by softmax-zoo tests/slurm/one-node-cluster.sh"
LOGS=/var/log/slurm
WAIT_SECONDS=${SLURM_START_TIMEOUT:-90}

die() { echo "one-node-cluster: $*" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "must run as root (it installs packages and starts daemons)"

pids_of() { # pids of processes whose executable is exactly $1 (no pattern matching on command lines)
  local exe p
  exe=$(readlink -f "$1")                  # Debian's slurmd and slurmctld are alternatives (-> *-wlm)
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/exe" 2>/dev/null)" = "$exe" ] && echo "${p#/proc/}"
  done
  return 0
}

if [ "${1:-}" = "--stop" ]; then
  for exe in /usr/sbin/slurmd /usr/sbin/slurmctld /usr/sbin/munged; do
    for pid in $(pids_of "$exe"); do kill "$pid"; done
  done
  echo "one-node-cluster: stopped"
  exit 0
fi

host=$(hostname -s)
node_state() { sinfo -h -n "$host" -o %t 2>/dev/null | head -1; }
# Up: idle, or running jobs (a second call while a test's jobs run must not wait for them).
node_up() { case "$(node_state)" in idle|mix|alloc) return 0 ;; *) return 1 ;; esac; }
if command -v sinfo >/dev/null 2>&1 && node_up; then
  echo "one-node-cluster: already up, node $host $(node_state)"
  exit 0
fi

# 1. Packages (Debian 12: Slurm 22.05), only when missing.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
fi

# 2. Munge: the key, then the daemon as user munge.
if [ ! -s /etc/munge/munge.key ]; then
  install -d -o munge -g munge -m 0700 /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
fi
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
if [ -z "$(pids_of /usr/sbin/munged)" ]; then
  runuser -u munge -- /usr/sbin/munged
fi
for _ in $(seq 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done
munge -n | unmunge >/dev/null || die "munge does not work (see /var/log/munge/munged.log)"

# 3. slurm.conf: this machine as the one node, as slurmd itself measures it.
if [ -f "$CONF" ] && ! head -1 "$CONF" | grep -qF "$MARK"; then
  die "$CONF exists and was not written by this script; move it away to let this script configure Slurm"
fi
node_line=$(slurmd -C | head -1)            # NodeName=<host> CPUs=.. Boards=.. ... RealMemory=..
case "$node_line" in NodeName=*) ;; *) die "slurmd -C did not describe this node: $node_line" ;; esac
install -d -m 0755 /etc/slurm "$LOGS" /var/spool/slurmctld /var/spool/slurmd
cat > "$CONF.tmp" <<EOF
$MARK: a one-node cluster for the project's Slurm test.
ClusterName=softmaxzoo
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=3600
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
$node_line State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
if cmp -s "$CONF.tmp" "$CONF"; then rm "$CONF.tmp"; else mv "$CONF.tmp" "$CONF"; fi
chmod 0644 "$CONF"

# 4. Daemons (each forks into the background; a running one is left alone).
[ -n "$(pids_of /usr/sbin/slurmctld)" ] || /usr/sbin/slurmctld
[ -n "$(pids_of /usr/sbin/slurmd)" ] || /usr/sbin/slurmd

# 5. Wait for the node; a node left down or drained by an earlier run is resumed.
for _ in $(seq "$WAIT_SECONDS"); do
  if node_up; then
    echo "one-node-cluster: up, node $host $(node_state) ($node_line)"
    exit 0
  fi
  case "$(node_state)" in
    down*|drain*|drng*) scontrol update nodename="$host" state=resume 2>/dev/null || true ;;
  esac
  sleep 1
done
sinfo >&2 || true
tail -n 20 "$LOGS/slurmctld.log" "$LOGS/slurmd.log" >&2 || true
die "node $host not idle after ${WAIT_SECONDS} s (logs above, in $LOGS)"
