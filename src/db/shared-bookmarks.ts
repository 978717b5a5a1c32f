import neo4j, { type BookmarkManager } from 'neo4j-driver';

/**
 * The bookmarks of the writes made through this process, shared by its sessions, so that a read after a
 * write of this instance waits until the database member it runs on has applied that write (docs/operators.md,
 * "Deploy", several instances).
 *
 * Writes keep the driver's own bookmark manager (each write session starts from the bookmarks so far and
 * leaves its own). Reads take a copy of the manager's bookmarks when their session opens instead of the
 * manager itself: a session holding a manager asks it for bookmarks before every statement and hands it the
 * statement's new bookmark after, two asynchronous steps per read (about 15 µs of the driver's CPU a
 * statement here, timed against sessions without). A read's own bookmark needs no keeping: a read changes
 * nothing another statement must wait for. The copy is current because the manager reports every update
 * synchronously (`bookmarksConsumer`), while the write's session completes, before its caller goes on.
 */
export class SharedBookmarks {
  private latest: readonly string[] = [];

  /** The manager the write sessions share. */
  readonly manager: BookmarkManager = neo4j.bookmarkManager({
    bookmarksConsumer: (bookmarks) => {
      this.latest = [...bookmarks];
      return Promise.resolve();
    },
  });

  /** What a read must wait for: the writes of this process so far (none before the first write). */
  forRead(): string[] | undefined {
    return this.latest.length === 0 ? undefined : [...this.latest];
  }
}
