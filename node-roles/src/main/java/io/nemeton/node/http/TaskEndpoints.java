package io.nemeton.node.http;

import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import io.nemeton.node.indexing.TaskService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overlord's paths under {@code /druid/indexer/v1}, answered by the {@link TaskService}:
 * submit ({@code {"task": id}}), a task's spec, status (Druid's {@code TaskStatusPlus} shape),
 * reports and shutdown, and the task lists ({@code tasks?state=&datasource=&max=}, {@code
 * runningTasks}, {@code completeTasks}, {@code pendingTasks}, {@code waitingTasks}). Unknown task
 * ids are 404. Stateless apart from the service.
 */
final class TaskEndpoints {
  private static final String BASE = "/druid/indexer/v1";
  private static final int DEFAULT_LIST_LIMIT = 10_000;

  private TaskEndpoints() {}

  static void register(Router router, TaskService tasks) {
    router.add("POST", BASE + "/task", request -> {
      final String id = tasks.submit(request.bodyText());
      return HttpAnswer.json(200, Map.of("task", id));
    });
    router.add("GET", BASE + "/task/{id}", request -> {
      final TaskRecord task = find(tasks, request.pathParameter("id"));
      return HttpAnswer.rawJson(200, "{\"task\":" + quote(task.id()) + ",\"payload\":" + task.payloadJson() + "}");
    });
    router.add("GET", BASE + "/task/{id}/status", request -> {
      final TaskRecord task = find(tasks, request.pathParameter("id"));
      final Map<String, Object> body = new LinkedHashMap<>();
      body.put("task", task.id());
      body.put("status", status(task, false));
      return HttpAnswer.json(200, body);
    });
    router.add("GET", BASE + "/task/{id}/reports", request -> {
      final String id = request.pathParameter("id");
      find(tasks, id);
      return tasks.reportJson(id).map(json -> HttpAnswer.rawJson(200, json))
          .orElseThrow(() -> HttpError.notFound("task " + id + " has no report yet"));
    });
    router.add("POST", BASE + "/task/{id}/shutdown", request -> {
      final String id = request.pathParameter("id");
      if (!tasks.shutdown(id)) {
        throw HttpError.notFound("no task with id " + id);
      }
      return HttpAnswer.json(200, Map.of("task", id));
    });
    router.add("GET", BASE + "/tasks", request -> list(tasks, request, request.queryParameter("state")));
    router.add("GET", BASE + "/runningTasks", request -> list(tasks, request, "running"));
    router.add("GET", BASE + "/completeTasks", request -> list(tasks, request, "complete"));
    router.add("GET", BASE + "/pendingTasks", request -> list(tasks, request, "pending"));
    router.add("GET", BASE + "/waitingTasks", request -> list(tasks, request, "waiting"));
  }

  private static TaskRecord find(TaskService tasks, String id) {
    return tasks.task(id).orElseThrow(() -> HttpError.notFound("no task with id " + id));
  }

  private static HttpAnswer list(TaskService tasks, HttpRequest request, String state) {
    final String dataSource = request.queryParameter("datasource");
    final int limit = limit(request.queryParameter("max"));
    final List<TaskRecord> records;
    if (state == null || state.isEmpty()) {
      records = tasks.tasks(null, blankToNull(dataSource), limit);
    } else {
      records = switch (state.toLowerCase(java.util.Locale.ROOT)) {
        case "running" -> tasks.tasks(TaskState.RUNNING, blankToNull(dataSource), limit);
        case "complete" -> complete(tasks.tasks(null, blankToNull(dataSource), limit));
        // Tasks start running as soon as they are accepted: none wait or pend.
        case "pending", "waiting" -> List.of();
        default -> throw HttpError.badRequest("state=" + state + " is not one of running, complete, pending, waiting");
      };
    }
    final List<Object> body = new ArrayList<>(records.size());
    for (TaskRecord record : records) {
      body.add(status(record, true));
    }
    return HttpAnswer.json(200, body);
  }

  private static List<TaskRecord> complete(List<TaskRecord> all) {
    final List<TaskRecord> out = new ArrayList<>();
    for (TaskRecord record : all) {
      if (record.state().isComplete()) {
        out.add(record);
      }
    }
    return out;
  }

  private static int limit(String max) {
    if (max == null || max.isEmpty()) {
      return DEFAULT_LIST_LIMIT;
    }
    try {
      final int value = Integer.parseInt(max);
      if (value >= 1 && value <= 100_000) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw HttpError.badRequest("max=" + max + " must be a whole number within 1..100000");
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** Druid's {@code TaskStatusPlus}; {@code groupId} only in lists, as Druid's status answer leaves it out. */
  static Map<String, Object> status(TaskRecord task, boolean withGroup) {
    final Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", task.id());
    if (withGroup) {
      status.put("groupId", task.id());
    }
    status.put("type", task.type());
    status.put("createdTime", IsoInstant.format(task.createdMs()));
    status.put("queueInsertionTime", IsoInstant.format(task.createdMs()));
    status.put("statusCode", task.state().name());
    status.put("status", task.state().name());
    status.put("runnerStatusCode", task.state().isComplete() ? "NONE" : "RUNNING");
    status.put("duration", task.state().isComplete() ? Math.max(0, task.statusUpdatedMs() - task.createdMs()) : -1);
    final Map<String, Object> location = new LinkedHashMap<>();
    location.put("host", null);
    location.put("port", -1);
    location.put("tlsPort", -1);
    status.put("location", location);
    status.put("dataSource", task.dataSource());
    status.put("errorMsg", task.errorMessage());
    return status;
  }

  private static String quote(String text) {
    return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
