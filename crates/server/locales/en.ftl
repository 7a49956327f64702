# Qadam's web pages, in English. Every key here exists in every other language
# (a test checks it). Keep the terms of projects-catalog/GLOSSARY.md.

app-name = Qadam
nav-dashboard = Dashboard
nav-curriculum = Curriculum
nav-sign-out = Sign out
nav-language = Language
skip-to-content = Skip to the content

# Signing in
login-title = Sign in
login-login = Login
login-password = Password
login-submit = Sign in
login-invalid = Wrong login or password.
login-too-many = Too many failed attempts: wait a little and try again.
login-busy = The server is busy: try again in a moment.
login-intro = Sign in with the login and password your campus gave you.

# Dashboard
dashboard-title = Dashboard
dashboard-hello = Hello, { $name }
dashboard-level = Level { $level }
dashboard-xp = { $xp } XP
dashboard-level-bar = Progress to the next level
dashboard-points = Evaluation points
dashboard-points-balance = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
dashboard-current = Current projects
dashboard-no-current = No project in progress. Pick one in the curriculum.
dashboard-validated = Validated projects
dashboard-none-validated = Nothing validated yet.
dashboard-evaluations = Upcoming evaluations
dashboard-no-evaluations = No evaluation booked.
dashboard-evaluating = You evaluate { $project }
dashboard-evaluated = { $project } is evaluated
dashboard-notifications = Notifications
dashboard-no-notifications = Nothing new.
dashboard-deadline = Deadline: { $at }

# Project and team statuses
status-forming = Team forming
status-in_progress = In progress
status-waiting_for_evaluation = Waiting for evaluation
status-finished = Finished
status-abandoned = Abandoned
status-validated = Validated
status-failed = Failed
status-available = Available
status-locked = Locked

# Curriculum
curriculum-title = Curriculum
curriculum-graph = The cursus as a graph
curriculum-legend = Colours: green validated, blue in progress, white available, grey locked.
curriculum-stage = Stage
curriculum-choose = Cursus

# Project page
project-kind-exercise = Exercise
project-kind-project = Project
project-kind-rush = Rush
project-kind-exam = Exam
project-subject = Subject
project-languages = Subject in
project-rules = Rules
project-xp = XP
project-team-size = Team
project-team-solo = alone
project-team-range = { $min } to { $max } students
project-deadline = Deadline
project-deadline-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
project-no-deadline = none
project-min-mark = Validated from
project-evaluations = Peer evaluations
project-evaluations-none = none
project-requires = Requires
project-requires-level = level { $level }
project-register = Register
project-registered = Registered.
project-your-team = Your team
project-attempt = Attempt { $attempt }
project-members = Members
project-leader = leader
project-invited = invited
project-invite = Invite a student
project-invite-login = Their login
project-invite-submit = Invite
project-accept = Accept the invitation
project-decline = Decline
project-lock = Lock the team
project-leave = Leave the team
project-mark = Mark
project-submit-title = Hand your work to the grader
project-submit-file = Archive (.tar.gz or .zip) of your folder
project-submit-drop = or drop it here
project-submit-button = Upload
project-submit-cli = From a terminal, in your project folder:
project-submissions = Submissions
project-no-submissions = Nothing uploaded yet.
project-close = Hand in the latest graded submission
project-close-help = Handing in ends the attempt: the latest graded submission is marked.
project-not-registered = You are not registered for this project.

# Submissions
submission-status-queued = Waiting for the grader
submission-status-running = Being graded
submission-status-graded = Graded
submission-status-failed = Could not be graded (our side)
submission-verdict = Verdict
submission-score = Score { $score }
submission-uploaded = Uploaded { $at } by { $login }
submission-tests = Tests
submission-test-hidden = hidden test
submission-expected-got = What the test saw
verdict-passed = passed
verdict-failed = failed
verdict-compilation_error = compilation error
verdict-time_limit = time limit
verdict-memory_limit = memory limit
verdict-output_limit = output limit
verdict-crashed = crashed
verdict-forbidden_function = forbidden function
verdict-norm_error = norm error
verdict-internal_error = internal error (not your fault)

# Errors
error-title = Something went wrong
error-not-found = This page does not exist, or it is not yours to see.
error-forbidden = You may not do that.
error-csrf = This form has expired. Go back, reload the page and try again.
error-internal = The server failed. It was logged; try again later.
error-back = Back to the dashboard
error-conflict = That cannot be done now

# Peer evaluations
nav-evaluations = Evaluations
evaluations-title = Peer evaluations
evaluations-slots = When I can evaluate
evaluations-slots-help = Open times when you are free to evaluate others (UTC, in quarters of an hour, at least 30 minutes). Teams pick a time, never a person.
evaluations-no-slots = You have opened no time.
evaluations-slot-booked = { $count } booked
evaluations-remove-slot = Remove
evaluations-from = From (UTC)
evaluations-to = To (UTC)
evaluations-add-slot = Open this time
evaluations-mine = Evaluations I give and receive
evaluations-when = When
evaluations-change = Change
evaluations-balance = Balance
evaluations-reason = Why
evaluation-status-booked = Booked
evaluation-status-in_progress = In progress
evaluation-status-completed = Completed
evaluation-status-cancelled = Cancelled
evaluation-status-no_show = No-show
evaluation-status-voided = Voided
evaluations-book-title = Book a peer evaluation
evaluations-no-times = No evaluator is free now. Join the waitlist: you are booked as soon as one is.
evaluations-book = Book this time
evaluations-waitlist = Or wait for the first free evaluator before (UTC)
evaluations-waitlist-join = Join the waitlist
evaluations-status = Status
evaluations-evaluator = Evaluator
evaluations-who = Who
evaluations-revealed-at = shown from { $at }
evaluations-code = Presence code (show it to your evaluator)
evaluations-flag = Flag
evaluations-comment = Comment
evaluations-enter-code = The team's presence code
evaluations-start = Start the evaluation
evaluations-download = Download the handed-in archive
evaluations-feedback-given = Your feedback
evaluations-sheet-time = The sheet suggests { $minutes } minutes.
evaluations-bonus = bonus
evaluations-yes = Yes
evaluations-no = No
evaluations-submit-sheet = Submit the sheet
evaluations-feedback = Rate your evaluator
evaluations-rating = Rating (5 is best)
evaluations-tag-nice = Nice
evaluations-tag-rigorous = Rigorous
evaluations-tag-interested = Interested
evaluations-tag-punctual = Punctual
evaluations-send-feedback = Send the feedback
evaluations-wrong-code = Wrong code. Tries left: { $left }.
flag-ok = Ok
flag-outstanding = Outstanding project
flag-empty = Empty work
flag-incomplete = Incomplete work
flag-invalid-compilation = Invalid compilation
flag-norme = Norm error
flag-cheat = Cheat
flag-crash = Crash
flag-leaks = Memory leaks
flag-forbidden-function = Forbidden function
flag-cant-support = Can't support / explain code
flag-concerning = Concerning situation

# Staff
nav-staff = Staff
staff-title = Staff pages
staff-students = Students
staff-review-flags = Review flags
staff-queue = Grading queue
staff-search = Search by login or name
staff-search-button = Search
staff-level = Level
staff-current = Current projects
staff-last-activity = Last activity
staff-at-risk = At risk (7 days without progress)
staff-yes = yes
staff-project = Project
staff-attempts = Attempts
staff-override = Override the mark
staff-reason = Reason
staff-no-flags = Nothing to review.
staff-see-evaluation = see the evaluation
staff-void = Void the evaluation

# Progress
nav-progress = Progress
progress-title = My progress
progress-xp-over-time = XP over time
progress-projects = Projects and marks
progress-evaluations = Evaluations in the last 30 days
progress-given-received = { $given } given, { $received } received
staff-accounts = Accounts
staff-import = Import a cohort
staff-import-help = One account per line: login,display name,email,role,password (the email may be empty; role is student, staff or admin). Accounts join your campus. Each line is created whole or refused with its reason.
staff-csv = CSV lines
staff-import-button = Create the accounts
staff-import-report = Import report
staff-created = created

# Password
password-title = Change my password
password-help = After the change every session of yours ends, this one too: sign in again with the new password.
password-current = Current password
password-new = New password (at least 10 characters)
password-submit = Change the password
evaluations-cancel = Cancel this evaluation
evaluations-cancel-help = Cancelling late costs points; see the campus rules.
project-retry-from = You may try again from { $at }.
staff-catalog = Catalog
staff-catalog-version = Version in the database
staff-catalog-projects = Projects
staff-catalog-archived = { $count } archived
staff-catalog-last-sync = Last sync
staff-catalog-disk = The catalog folder
staff-catalog-absent = This server has no catalog folder at { $dir }.
staff-catalog-problems = { $count } problem(s): fix them, then run `qadam catalog sync`.
staff-catalog-in-sync = The folder and the database hold the same curriculum.
staff-catalog-out-of-sync = The folder (version { $version }) differs from the database: run `qadam catalog sync`.
staff-catalog-changed = Changed
staff-catalog-added = New
staff-catalog-removed = Removed (will be archived)
staff-catalog-stored = Projects in the database
staff-catalog-kind = Kind
staff-catalog-project-version = Version
staff-catalog-changed-at = Changed
staff-create-account = Create an account
staff-display-name = Display name
staff-email = Email (optional)
staff-role = Role
staff-initial-password = Initial password
staff-create-button = Create the account
staff-score = Score
staff-evaluations = Evaluations
staff-gives = evaluator
staff-receives = evaluated
evaluations-calendar = Weeks
evaluations-calendar-help = Click a free hour to open it, an open hour (✓) to remove it. Booked hours stay.
evaluations-week-before = week before
evaluations-week-after = week after
evaluations-week-of = Week of { $date }
evaluations-cell-booked = An evaluation is booked here
evaluations-cell-open = Open { $when }
evaluations-cell-remove = Remove { $when }
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
