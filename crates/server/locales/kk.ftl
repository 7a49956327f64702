# Qadam веб-беттері, қазақша. Әр кілт барлық тілде бар
# (мұны тест тексереді). Терминдер — projects-catalog/GLOSSARY.md бойынша.

app-name = Qadam
nav-dashboard = Басты бет
nav-curriculum = Оқу бағдарламасы
nav-sign-out = Шығу
nav-language = Тіл
skip-to-content = Мазмұнға өту

# Кіру
login-title = Кіру
login-login = Логин
login-password = Құпиясөз
login-submit = Кіру
login-invalid = Логин немесе құпиясөз қате.
login-too-many = Сәтсіз әрекеттер тым көп: біраз күтіп, қайталап көріңіз.
login-busy = Сервер бос емес: сәлден соң қайталап көріңіз.
login-intro = Кампус берген логин мен құпиясөз арқылы кіріңіз.

# Басты бет
dashboard-title = Басты бет
dashboard-hello = Сәлеметсіз бе, { $name }
dashboard-level = Деңгей { $level }
dashboard-xp = { $xp } XP
dashboard-level-bar = Келесі деңгейге дейінгі прогресс
dashboard-points = Өзара тексеру ұпайлары
dashboard-points-balance = { $points ->
   *[other] { $points } ұпай
}
dashboard-current = Ағымдағы жобалар
dashboard-no-current = Орындалып жатқан жоба жоқ. Оқу бағдарламасынан жоба таңдаңыз.
dashboard-validated = Есептелген жобалар
dashboard-none-validated = Әзірге ештеңе есептелмеген.
dashboard-evaluations = Алдағы бағалаулар
dashboard-no-evaluations = Жоспарланған бағалау жоқ.
dashboard-evaluating = Сіз { $project } жобасын бағалайсыз
dashboard-evaluated = { $project } жобасы бағаланады
dashboard-notifications = Хабарламалар
dashboard-no-notifications = Жаңа ештеңе жоқ.
dashboard-deadline = Мерзім: { $at }

# Жоба мен команда күйлері
status-forming = Команда құрылуда
status-in_progress = Орындалуда
status-waiting_for_evaluation = Бағалауды күтуде
status-finished = Аяқталды
status-abandoned = Тасталды
status-validated = Есептелді
status-failed = Есептелмеді
status-available = Қолжетімді
status-locked = Жабық

# Оқу бағдарламасы
curriculum-title = Оқу бағдарламасы
curriculum-graph = Оқу бағдарламасы граф түрінде
curriculum-legend = Түстер: жасыл — есептелді, көк — орындалуда, ақ — қолжетімді, сұр — жабық.
curriculum-stage = Кезең
curriculum-choose = Оқу бағдарламасы

# Жоба беті
project-kind-exercise = Жаттығу
project-kind-project = Жоба
project-kind-rush = Раш
project-kind-exam = Емтихан
project-subject = Тапсырма
project-languages = Тапсырма тілі
project-rules = Ережелер
project-xp = XP
project-team-size = Команда
project-team-solo = жеке
project-team-range = { $min }–{ $max } студент
project-deadline = Мерзім
project-deadline-days = { $days ->
   *[other] { $days } күн
}
project-no-deadline = жоқ
project-min-mark = Есептелетін ең төмен баға
project-evaluations = Өзара тексерулер
project-evaluations-none = жоқ
project-requires = Талап етіледі
project-requires-level = деңгей { $level }
project-register = Тіркелу
project-registered = Сіз тіркелдіңіз.
project-your-team = Сіздің командаңыз
project-attempt = { $attempt }-әрекет
project-members = Мүшелер
project-leader = команда жетекшісі
project-invited = шақыру жіберілді
project-invite = Студентті шақыру
project-invite-login = Студенттің логині
project-invite-submit = Шақыру
project-accept = Шақыруды қабылдау
project-decline = Бас тарту
project-lock = Команданы бекіту
project-leave = Командадан шығу
project-mark = Баға
project-submit-title = Жұмысыңызды автоматты тексеру жүйесіне жіберіңіз
project-submit-file = Бумаңыздың мұрағаты (.tar.gz немесе .zip)
project-submit-drop = немесе оны осында сүйреп әкеліңіз
project-submit-button = Жүктеу
project-submit-cli = Терминалда, жоба бумасында:
project-submissions = Тапсырулар
project-no-submissions = Әзірге ештеңе жүктелмеген.
project-close = Соңғы тексерілген нұсқаны тапсыру
project-close-help = Тапсыру әрекетті аяқтайды: соңғы тексерілген нұсқа бағаланады.
project-not-registered = Сіз бұл жобаға тіркелмегенсіз.

# Тапсырулар
submission-status-queued = Автоматты тексеруді күтуде
submission-status-running = Тексерілуде
submission-status-graded = Тексерілді
submission-status-failed = Тексеру мүмкін болмады (біз жақтағы қате)
submission-verdict = Қорытынды
submission-score = Ұпай: { $score }
submission-uploaded = Жүктелді: { $at }, { $login }
submission-tests = Тесттер
submission-test-hidden = жасырын тест
submission-expected-got = Тест нені көрді
verdict-passed = өтті
verdict-failed = өтпеді
verdict-compilation_error = компиляция қатесі
verdict-time_limit = уақыт шегінен асты
verdict-memory_limit = жады шегінен асты
verdict-output_limit = шығыс шегінен асты
verdict-crashed = апатты түрде тоқтады
verdict-forbidden_function = тыйым салынған функция
verdict-norm_error = норма қатесі
verdict-internal_error = ішкі қате (сіздің кінәңіз емес)

# Қателер
error-title = Бірдеңе дұрыс болмады
error-not-found = Бұл бет жоқ немесе оны көруге рұқсатыңыз жоқ.
error-forbidden = Сізге мұны істеуге рұқсат жоқ.
error-csrf = Форманың мерзімі өтіп кетті. Артқа оралып, бетті жаңартып, қайталап көріңіз.
error-internal = Сервер қатесі. Ол журналға жазылды; кейінірек қайталап көріңіз.
error-back = Басты бетке оралу
error-conflict = Мұны қазір істеу мүмкін емес

# Өзара тексеру
nav-evaluations = Тексерулер
evaluations-title = Өзара тексерулер
evaluations-slots = Қашан тексере аламын
evaluations-slots-help = Басқаларды тексеруге бос уақытыңызды ашыңыз (UTC, ширек сағатпен, кемінде 30 минут). Командалар адамды емес, уақытты таңдайды.
evaluations-no-slots = Сіз әлі уақыт ашқан жоқсыз.
evaluations-slot-booked = брондалған: { $count }
evaluations-remove-slot = Жою
evaluations-from = Басы (UTC)
evaluations-to = Соңы (UTC)
evaluations-add-slot = Бұл уақытты ашу
evaluations-mine = Мен жүргізетін және өтетін тексерулер
evaluations-when = Қашан
evaluations-change = Өзгеріс
evaluations-balance = Баланс
evaluations-reason = Себебі
evaluation-status-booked = Брондалды
evaluation-status-in_progress = Жүріп жатыр
evaluation-status-completed = Аяқталды
evaluation-status-cancelled = Болдырылмады
evaluation-status-no_show = Келмеді
evaluation-status-voided = Жойылды
evaluations-book-title = Тексеруге жазылу
evaluations-no-times = Қазір бос тексеруші жоқ. Кезекке тұрыңыз: біреу босай салысымен жазыласыз.
evaluations-book = Осы уақытқа жазылу
evaluations-waitlist = Немесе алғашқы бос тексерушіні мына уақытқа дейін күту (UTC)
evaluations-waitlist-join = Кезекке тұру
evaluations-status = Күйі
evaluations-evaluator = Тексеруші
evaluations-who = Кім
evaluations-revealed-at = { $at } бастап көрінеді
evaluations-code = Қатысу коды (тексерушіге көрсетіңіз)
evaluations-flag = Белгі
evaluations-comment = Пікір
evaluations-enter-code = Команданың қатысу коды
evaluations-start = Тексеруді бастау
evaluations-download = Тапсырылған архивті жүктеп алу
evaluations-feedback-given = Сіздің пікіріңіз
evaluations-sheet-time = Бағалау парағына { $minutes } минут ұсынылады.
evaluations-bonus = бонус
evaluations-yes = Иә
evaluations-no = Жоқ
evaluations-submit-sheet = Бағалау парағын жіберу
evaluations-feedback = Тексерушіні бағалаңыз
evaluations-rating = Баға (5 — ең жақсы)
evaluations-tag-nice = Мейірімді
evaluations-tag-rigorous = Талапшыл
evaluations-tag-interested = Қызығушылық танытты
evaluations-tag-punctual = Уақытында келді
evaluations-send-feedback = Пікірді жіберу
evaluations-wrong-code = Код қате. Қалған әрекет: { $left }.
flag-ok = Ok
flag-outstanding = Үздік жоба
flag-empty = Бос жұмыс
flag-incomplete = Толық емес жұмыс
flag-invalid-compilation = Компиляция қатесі
flag-norme = Норма қатесі
flag-cheat = Көшіру
flag-crash = Құлау
flag-leaks = Жад ағуы
flag-forbidden-function = Тыйым салынған функция
flag-cant-support = Кодты түсіндіре алмайды
flag-concerning = Алаңдатарлық жағдай

# Қызметкерлер
nav-staff = Қызметкерлерге
staff-title = Қызметкерлер беттері
staff-students = Студенттер
staff-review-flags = Тексеруге арналған белгілер
staff-queue = Тексеру кезегі
staff-search = Логин немесе аты бойынша іздеу
staff-search-button = Іздеу
staff-level = Деңгей
staff-current = Ағымдағы жобалар
staff-last-activity = Соңғы белсенділік
staff-at-risk = Қауіп аймағында (7 күн ілгерілеусіз)
staff-yes = иә
staff-project = Жоба
staff-attempts = Әрекеттер
staff-override = Бағаны өзгерту
staff-reason = Себебі
staff-no-flags = Тексеретін ештеңе жоқ.
staff-see-evaluation = тексеруді ашу
staff-void = Тексеруді жою

# Үлгерім
nav-progress = Үлгерім
progress-title = Менің үлгерімім
progress-xp-over-time = Уақыт бойынша XP
progress-projects = Жобалар мен бағалар
progress-evaluations = Соңғы 30 күндегі тексерулер
progress-given-received = жүргізілді: { $given }, өтілді: { $received }
staff-accounts = Тіркелгілер
staff-import = Топты импорттау
staff-import-help = Әр жолда бір тіркелгі: login,көрсетілетін аты,email,рөлі,құпиясөз (email бос болуы мүмкін; рөлі: student, staff немесе admin). Тіркелгілер сіздің кампусыңызға қосылады. Әр жол толық жасалады немесе себебімен қабылданбайды.
staff-csv = CSV жолдары
staff-import-button = Тіркелгілерді жасау
staff-import-report = Импорт есебі
staff-created = жасалды

# Құпиясөз
password-title = Құпиясөзді өзгерту
password-help = Өзгерткеннен кейін барлық сеанстарыңыз аяқталады, осы сеанс та: жаңа құпиясөзбен қайта кіріңіз.
password-current = Ағымдағы құпиясөз
password-new = Жаңа құпиясөз (кемінде 10 таңба)
password-submit = Құпиясөзді өзгерту
evaluations-cancel = Бұл тексеруді болдырмау
evaluations-cancel-help = Кеш болдырмау ұпай алады; кампус ережелерін қараңыз.
project-retry-from = Қайта әрекет { $at } бастап мүмкін.
staff-catalog = Каталог
staff-catalog-version = Дерекқордағы нұсқа
staff-catalog-projects = Жобалар
staff-catalog-archived = мұрағатта: { $count }
staff-catalog-last-sync = Соңғы синхрондау
staff-catalog-disk = Каталог қалтасы
staff-catalog-absent = Бұл серверде { $dir } каталог қалтасы жоқ.
staff-catalog-problems = Мәселелер саны: { $count }. Оларды түзетіп, `qadam catalog sync` іске қосыңыз.
staff-catalog-in-sync = Қалтада да, дерекқорда да бір бағдарлама.
staff-catalog-out-of-sync = Қалта ({ $version } нұсқасы) дерекқордан өзгеше: `qadam catalog sync` іске қосыңыз.
staff-catalog-changed = Өзгергендер
staff-catalog-added = Жаңалар
staff-catalog-removed = Жойылғандар (мұрағатқа кетеді)
staff-catalog-stored = Дерекқордағы жобалар
staff-catalog-kind = Түрі
staff-catalog-project-version = Нұсқа
staff-catalog-changed-at = Өзгерген уақыты
staff-create-account = Тіркелгі жасау
staff-display-name = Көрсетілетін аты
staff-email = Эл. пошта (міндетті емес)
staff-role = Рөлі
staff-initial-password = Бастапқы құпиясөз
staff-create-button = Тіркелгі жасау
staff-score = Ұпай
staff-evaluations = Тексерулер
staff-gives = тексеруші
staff-receives = тексерілуші
evaluations-calendar = Апталар
evaluations-calendar-help = Бос сағатты ашу үшін оны басыңыз, ашық сағатты (✓) алып тастау үшін басыңыз. Брондалған сағаттар қалады.
evaluations-week-before = алдыңғы апта
evaluations-week-after = келесі апта
evaluations-week-of = { $date } басталатын апта
evaluations-cell-booked = Мұнда тексеру брондалған
evaluations-cell-open = Ашу: { $when }
evaluations-cell-remove = Алып тастау: { $when }
weekday-1 = Дс
weekday-2 = Сс
weekday-3 = Ср
weekday-4 = Бс
weekday-5 = Жм
weekday-6 = Сб
weekday-7 = Жс
