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
