# The Python runtime of one emulated execution environment: the child process a SandboxPool spawns for the
# python3.12 / python3.13 runtimes, run by this machine's python3. It speaks the protocol of bootstrap.mjs (read
# that file's header) over the IPC channel Node opened for it: line-delimited JSON on the socket whose descriptor
# is in NODE_CHANNEL_FD (the spawn uses serialization 'json').
#
# Plays the part of Lambda's Python runtime interface client: imports the handler module once (init), then runs
# one invocation at a time, handler(event, context). print() and the logging module go to the parent over the
# channel, so they stay in order with the result; the parent formats the invocation log.
#
# Standard library only, and nothing newer than Python 3.8, so any python3 found on PATH can run it.
import importlib
import json
import logging
import os
import resource
import sys
import time
import traceback

CHANNEL_FD = int(os.environ.get("NODE_CHANNEL_FD", "3"))
_current_request_id = None


def _send(message):
    data = (json.dumps(message) + "\n").encode("utf-8")
    while data:
        written = os.write(CHANNEL_FD, data)
        data = data[written:]


class _ChannelStream:
    """sys.stdout / sys.stderr: every write goes to the parent raw, as Lambda passes print() output through."""

    encoding = "utf-8"

    def write(self, text):
        if text:
            _send({"type": "raw", "text": text})
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


sys.stdout = _ChannelStream()
sys.stderr = _ChannelStream()


class _ChannelHandler(logging.Handler):
    """The logging module, as Lambda's Python runtime routes it: level and message, tagged with the request."""

    LEVELS = {"CRITICAL": "FATAL", "ERROR": "ERROR", "WARNING": "WARN", "INFO": "INFO", "DEBUG": "DEBUG"}

    def emit(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not kill the runtime
            message = str(record.msg)
        level = self.LEVELS.get(record.levelname, "INFO")
        _send({"type": "log", "level": level, "time": int(record.created * 1000), "requestId": _current_request_id, "message": message})


_root = logging.getLogger()
_root.handlers = [_ChannelHandler()]
_root.setLevel(logging.INFO)


def _lambda_error(error, error_type=None):
    return {
        "errorType": error_type or type(error).__name__,
        "errorMessage": str(error),
        "trace": traceback.format_exception(type(error), error, error.__traceback__),
    }


def _memory():
    rss_bytes = 0
    try:
        with open("/proc/self/statm") as statm:
            rss_bytes = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    # The peak of this process's own memory: VmHWM, kB. Not ru_maxrss: the kernel carries it over exec, so it would
    # include the emulator's RSS, which the spawned child inherited before it became python (bootstrap.mjs).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return {"rssBytes": rss_bytes, "maxRssKb": int(line.split()[1])}
    except (OSError, ValueError, IndexError):
        pass
    # ru_maxrss is in KB on Linux (elsewhere there is no /proc).
    return {"rssBytes": rss_bytes, "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _run_queue_wait_ns():
    """Time spent runnable but waiting for a CPU (Linux schedstat), which the parent's CPU-time model subtracts."""
    try:
        with open("/proc/self/schedstat") as schedstat:
            return int(schedstat.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _load_handler():
    """'index.handler' → module index, function handler (Lambda splits at the last dot), as the runtime reports errors."""
    spec = os.environ.get("_HANDLER", "index.handler")
    module_name, _, function_name = spec.rpartition(".")
    if not module_name:
        module_name, function_name = spec, "handler"
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except SyntaxError as error:
        return None, _lambda_error(error, "Runtime.UserCodeSyntaxError")
    except ImportError as error:
        return None, {"errorType": "Runtime.ImportModuleError", "errorMessage": "Unable to import module '%s': %s" % (module_name, error), "trace": []}
    except Exception as error:
        return None, _lambda_error(error)
    handler = getattr(module, function_name, None)
    if not callable(handler):
        return None, {"errorType": "Runtime.HandlerNotFound", "errorMessage": "Handler '%s' missing on module '%s'" % (function_name, module_name), "trace": []}
    return handler, None


class _Context:
    def __init__(self, request_id, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "function")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.invoked_function_arn = invoked_function_arn
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def _parse_event(payload):
    if not payload:
        return {}
    try:
        return json.loads(payload)
    except ValueError:
        return payload


def _invoke(handler, message):
    global _current_request_id
    _current_request_id = message.get("requestId")
    context = _Context(_current_request_id, message.get("deadlineMs", 0), message.get("invokedFunctionArn"))
    wait_before = _run_queue_wait_ns()
    cpu_before = time.process_time()
    start = time.perf_counter()
    try:
        result = handler(_parse_event(message.get("payload", "")), context)
        outcome = {"ok": True, "payload": json.dumps(result)}
    except Exception as error:
        outcome = {"ok": False, "error": _lambda_error(error)}
    wall_ms = (time.perf_counter() - start) * 1000
    cpu_ms = (time.process_time() - cpu_before) * 1000
    _send(
        dict(
            {"type": "result", "requestId": _current_request_id},
            **outcome,
            wallMs=wall_ms,
            cpuMs=cpu_ms,
            runQueueWaitMs=max(0.0, (_run_queue_wait_ns() - wait_before) / 1e6),
            maxRssKb=_memory()["maxRssKb"],
        )
    )
    _current_request_id = None


def main():
    handler, init_error = _load_handler()
    if init_error is not None:
        _send(dict({"type": "initError", "error": init_error}, **_memory()))
    else:
        _send(dict({"type": "ready"}, **_memory()))
    buffered = b""
    while True:
        try:
            chunk = os.read(CHANNEL_FD, 65536)
        except InterruptedError:
            continue
        if not chunk:
            # The parent is the log collector. When it goes away, so do we.
            os._exit(0)
        buffered += chunk
        while b"\n" in buffered:
            line, buffered = buffered.split(b"\n", 1)
            try:
                message = json.loads(line.decode("utf-8"))
            except ValueError:
                continue
            if isinstance(message, dict) and message.get("type") == "invoke" and handler is not None:
                _invoke(handler, message)


main()
