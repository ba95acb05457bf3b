CREATE TABLE `action_plan_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`actor_id` text,
	`kind` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `action_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_plan_updates_plan_idx` ON `action_plan_updates` (`plan_id`,`at`);--> statement-breakpoint
CREATE TABLE `action_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`root_cause_id` text,
	`title` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_date` text NOT NULL,
	`level` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`root_cause_id`) REFERENCES `root_causes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_plans_tenant_status_due_idx` ON `action_plans` (`tenant_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `action_plans_tenant_theme_idx` ON `action_plans` (`tenant_id`,`theme_id`);--> statement-breakpoint
CREATE INDEX `action_plans_tenant_owner_idx` ON `action_plans` (`tenant_id`,`owner_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`annual_revenue_cents` integer,
	`core_growth` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_tenant_name_key_uq` ON `customers` (`tenant_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `key_drivers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `key_drivers_tenant_name_key_uq` ON `key_drivers` (`tenant_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`key_driver_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key_driver_id`) REFERENCES `key_drivers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_tenant_slug_uq` ON `themes` (`tenant_id`,`slug`);--> statement-breakpoint
CREATE INDEX `themes_tenant_key_driver_idx` ON `themes` (`tenant_id`,`key_driver_id`);--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`schedule_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`posted_at` integer,
	`error` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`schedule_id`) REFERENCES `digest_schedules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_runs_schedule_due_uq` ON `digest_runs` (`schedule_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `digest_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`platform` text NOT NULL,
	`channel_id` text NOT NULL,
	`cron` text NOT NULL,
	`tz` text NOT NULL,
	`key_driver_id` text,
	`created_by` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key_driver_id`) REFERENCES `key_drivers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `digest_schedules_channel_idx` ON `digest_schedules` (`tenant_id`,`platform`,`channel_id`);--> statement-breakpoint
CREATE INDEX `digest_schedules_active_idx` ON `digest_schedules` (`active`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_tenant_entity_idx` ON `audit_log` (`tenant_id`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_tenant_at_idx` ON `audit_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`number` integer NOT NULL,
	`summary` text NOT NULL,
	`description` text,
	`theme_id` text NOT NULL,
	`key_driver_id` text,
	`customer_id` text,
	`source` text NOT NULL,
	`customer_cost_cents` integer,
	`company_cost_cents` integer,
	`reporter_id` text,
	`reporter_name` text,
	`external_id` text,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`key_driver_id`) REFERENCES `key_drivers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_tenant_number_uq` ON `issues` (`tenant_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `issues_tenant_external_id_uq` ON `issues` (`tenant_id`,`external_id`) WHERE "issues"."external_id" is not null;--> statement-breakpoint
CREATE INDEX `issues_tenant_theme_idx` ON `issues` (`tenant_id`,`theme_id`,`occurred_at`,`customer_id`,`key_driver_id`,`customer_cost_cents`,`company_cost_cents`);--> statement-breakpoint
CREATE INDEX `issues_tenant_occurred_at_idx` ON `issues` (`tenant_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `issues_tenant_key_driver_idx` ON `issues` (`tenant_id`,`key_driver_id`);--> statement-breakpoint
CREATE TABLE `metric_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`metric_id` text NOT NULL,
	`value` real NOT NULL,
	`measured_at` integer NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `metric_readings_metric_time_idx` ON `metric_readings` (`metric_id`,`measured_at`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text,
	`direction` text NOT NULL,
	`target` real,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metrics_tenant_theme_idx` ON `metrics` (`tenant_id`,`theme_id`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`tenant_id` text NOT NULL,
	`event_key` text NOT NULL,
	`processed_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `event_key`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `processed_events_processed_at_idx` ON `processed_events` (`processed_at`);--> statement-breakpoint
CREATE TABLE `root_causes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`session_id` text,
	`text` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	`chain` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `why_sessions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `root_causes_tenant_theme_idx` ON `root_causes` (`tenant_id`,`theme_id`);--> statement-breakpoint
CREATE TABLE `slack_installations` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`team_id` text,
	`enterprise_id` text,
	`bot_token` text NOT NULL,
	`bot_user_id` text,
	`installation` text NOT NULL,
	`installed_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`outcome_column` text NOT NULL,
	`outcome_kind` text NOT NULL,
	`positive_value` text,
	`aspects` text NOT NULL,
	`na_value` real,
	`row_count` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_imports_tenant_idx` ON `survey_imports` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`import_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`row_number` integer NOT NULL,
	`customer_id` text,
	`core_growth` integer,
	`outcome` real,
	`ratings` text NOT NULL,
	PRIMARY KEY(`import_id`, `row_number`),
	FOREIGN KEY (`import_id`) REFERENCES `survey_imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `survey_responses_tenant_idx` ON `survey_responses` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `teams_conversation_refs` (
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`reference` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `conversation_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`platform` text NOT NULL,
	`name` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text,
	`is_admin` integer DEFAULT false NOT NULL,
	`nudges` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `why_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`issue_id` text,
	`status` text NOT NULL,
	`state` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`platform` text NOT NULL,
	`channel_id` text NOT NULL,
	`thread_id` text,
	`started_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `why_sessions_thread_idx` ON `why_sessions` (`tenant_id`,`platform`,`channel_id`,`thread_id`);--> statement-breakpoint
CREATE INDEX `why_sessions_tenant_status_idx` ON `why_sessions` (`tenant_id`,`status`,`last_activity_at`);--> statement-breakpoint
CREATE INDEX `why_sessions_theme_idx` ON `why_sessions` (`theme_id`);--> statement-breakpoint
CREATE TABLE `why_steps` (
	`session_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`step_index` integer NOT NULL,
	`branch_id` text NOT NULL,
	`question` text NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` integer,
	`kind` text NOT NULL,
	PRIMARY KEY(`session_id`, `step_index`),
	FOREIGN KEY (`session_id`) REFERENCES `why_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
