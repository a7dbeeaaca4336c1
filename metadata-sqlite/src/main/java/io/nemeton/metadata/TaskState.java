package io.nemeton.metadata;

/** A task's state as Druid reports it. A task leaves RUNNING once and never comes back. */
public enum TaskState {
  RUNNING,
  SUCCESS,
  FAILED;

  public boolean isComplete() {
    return this != RUNNING;
  }
}
