CREATE TABLE `events` (
	`rv` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`key` text NOT NULL,
	`namespace` text NOT NULL,
	`value` text NOT NULL,
	`prev` text
);
--> statement-breakpoint
CREATE INDEX `events_key` ON `events` (`key`,`rv`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `objects` (
	`key` text PRIMARY KEY NOT NULL,
	`namespace` text NOT NULL,
	`name` text NOT NULL,
	`rv` integer NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `objects_namespace` ON `objects` (`namespace`,`key`);