# Веб-страницы Qadam на русском. Каждый ключ есть во всех языках
# (это проверяет тест). Термины — по projects-catalog/GLOSSARY.md.

app-name = Qadam
nav-dashboard = Главная
nav-curriculum = Программа обучения
nav-sign-out = Выйти
nav-language = Язык
skip-to-content = Перейти к содержимому

# Вход
login-title = Вход
login-login = Логин
login-password = Пароль
login-submit = Войти
login-invalid = Неверный логин или пароль.
login-too-many = Слишком много неудачных попыток: подождите немного и попробуйте снова.
login-busy = Сервер занят: попробуйте ещё раз через минуту.
login-intro = Войдите с логином и паролем, которые вам выдал кампус.

# Главная
dashboard-title = Главная
dashboard-hello = Здравствуйте, { $name }
dashboard-level = Уровень { $level }
dashboard-xp = { $xp } XP
dashboard-level-bar = Прогресс до следующего уровня
dashboard-points = Баллы взаимной проверки
dashboard-points-balance = { $points ->
    [one] { $points } балл
    [few] { $points } балла
    [many] { $points } баллов
   *[other] { $points } балла
}
dashboard-current = Текущие проекты
dashboard-no-current = Нет проектов в процессе. Выберите проект в программе обучения.
dashboard-validated = Засчитанные проекты
dashboard-none-validated = Пока ничего не засчитано.
dashboard-evaluations = Предстоящие защиты
dashboard-no-evaluations = Нет запланированных защит.
dashboard-evaluating = Вы проверяете { $project }
dashboard-evaluated = Защита проекта { $project }
dashboard-notifications = Уведомления
dashboard-no-notifications = Ничего нового.
dashboard-deadline = Срок: { $at }

# Статусы проектов и команд
status-forming = Набор команды
status-in_progress = В процессе
status-waiting_for_evaluation = Ожидает защиты
status-finished = Завершено
status-abandoned = Брошено
status-validated = Засчитано
status-failed = Не засчитано
status-available = Доступно
status-locked = Заблокировано

# Программа обучения
curriculum-title = Программа обучения
curriculum-graph = Программа обучения в виде графа
curriculum-legend = Цвета: зелёный — засчитано, синий — в процессе, белый — доступно, серый — заблокировано.
curriculum-stage = Этап
curriculum-choose = Программа обучения

# Страница проекта
project-kind-exercise = Упражнение
project-kind-project = Проект
project-kind-rush = Раш
project-kind-exam = Экзамен
project-subject = Задание
project-languages = Язык задания
project-rules = Правила
project-xp = XP
project-team-size = Команда
project-team-solo = индивидуально
project-team-range = от { $min } до { $max } { $max ->
    [one] студента
   *[other] студентов
}
project-deadline = Срок
project-deadline-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
project-no-deadline = нет
project-min-mark = Засчитывается от
project-evaluations = Взаимные проверки
project-evaluations-none = нет
project-requires = Требуется
project-requires-level = уровень { $level }
project-register = Зарегистрироваться
project-registered = Вы зарегистрированы.
project-your-team = Ваша команда
project-attempt = Попытка { $attempt }
project-members = Участники
project-leader = капитан
project-invited = приглашение отправлено
project-invite = Пригласить студента
project-invite-login = Логин студента
project-invite-submit = Пригласить
project-accept = Принять приглашение
project-decline = Отклонить
project-lock = Зафиксировать команду
project-leave = Покинуть команду
project-mark = Оценка
project-submit-title = Отправьте работу на автоматическую проверку
project-submit-file = Архив вашей папки (.tar.gz или .zip)
project-submit-drop = или перетащите его сюда
project-submit-button = Загрузить
project-submit-cli = Из терминала, в папке проекта:
project-submissions = Сдачи
project-no-submissions = Пока ничего не загружено.
project-close = Сдать последнюю проверенную версию
project-close-help = Сдача завершает попытку: оценивается последняя проверенная версия.
project-not-registered = Вы не зарегистрированы на этот проект.

# Сдачи
submission-status-queued = Ожидает автоматической проверки
submission-status-running = Проверяется
submission-status-graded = Проверено
submission-status-failed = Не удалось проверить (ошибка на нашей стороне)
submission-verdict = Вердикт
submission-score = Результат: { $score }
submission-uploaded = Загружено { $at }, автор: { $login }
submission-tests = Тесты
submission-test-hidden = скрытый тест
submission-expected-got = Что увидел тест
verdict-passed = пройдено
verdict-failed = не пройдено
verdict-compilation_error = ошибка компиляции
verdict-time_limit = превышено время
verdict-memory_limit = превышена память
verdict-output_limit = слишком большой вывод
verdict-crashed = аварийное завершение
verdict-forbidden_function = запрещённая функция
verdict-norm_error = ошибка нормы
verdict-internal_error = внутренняя ошибка (не по вашей вине)

# Ошибки
error-title = Что-то пошло не так
error-not-found = Такой страницы нет, или у вас нет к ней доступа.
error-forbidden = Вам это не разрешено.
error-csrf = Срок действия формы истёк. Вернитесь назад, обновите страницу и попробуйте снова.
error-internal = Ошибка сервера. Она записана в журнал; попробуйте позже.
error-back = Вернуться на главную
error-conflict = Сейчас это сделать нельзя

# Взаимные проверки
nav-evaluations = Проверки
evaluations-title = Взаимные проверки
evaluations-slots = Когда я могу проверять
evaluations-slots-help = Откройте время, когда вы свободны проверять других (UTC, по четверти часа, не меньше 30 минут). Команды выбирают время, а не человека.
evaluations-no-slots = Вы не открыли ни одного времени.
evaluations-slot-booked = забронировано: { $count }
evaluations-remove-slot = Удалить
evaluations-from = С (UTC)
evaluations-to = До (UTC)
evaluations-add-slot = Открыть это время
evaluations-mine = Проверки, которые я провожу и прохожу
evaluations-when = Когда
evaluations-change = Изменение
evaluations-balance = Баланс
evaluations-reason = Причина
evaluation-status-booked = Забронировано
evaluation-status-in_progress = Идёт
evaluation-status-completed = Завершено
evaluation-status-cancelled = Отменено
evaluation-status-no_show = Неявка
evaluation-status-voided = Аннулировано
evaluations-book-title = Записаться на защиту
evaluations-no-times = Сейчас нет свободных проверяющих. Встаньте в очередь: вас запишут, как только кто-то освободится.
evaluations-book = Записаться на это время
evaluations-waitlist = Или ждать первого свободного проверяющего до (UTC)
evaluations-waitlist-join = Встать в очередь
evaluations-status = Статус
evaluations-evaluator = Проверяющий
evaluations-who = Кто
evaluations-revealed-at = будет видно с { $at }
evaluations-code = Код присутствия (покажите его проверяющему)
evaluations-flag = Флаг
evaluations-comment = Комментарий
evaluations-enter-code = Код присутствия команды
evaluations-start = Начать проверку
evaluations-download = Скачать сданный архив
evaluations-feedback-given = Ваш отзыв
evaluations-sheet-time = Чек-лист рассчитан на { $minutes } мин.
evaluations-bonus = бонус
evaluations-yes = Да
evaluations-no = Нет
evaluations-submit-sheet = Отправить чек-лист
evaluations-feedback = Оцените проверяющего
evaluations-rating = Оценка (5 — лучшая)
evaluations-tag-nice = Доброжелательный
evaluations-tag-rigorous = Строгий
evaluations-tag-interested = Заинтересованный
evaluations-tag-punctual = Пунктуальный
evaluations-send-feedback = Отправить отзыв
evaluations-wrong-code = Неверный код. Осталось попыток: { $left }.
flag-ok = Ok
flag-outstanding = Выдающийся проект
flag-empty = Пустая работа
flag-incomplete = Неполная работа
flag-invalid-compilation = Ошибка компиляции
flag-norme = Ошибка нормы
flag-cheat = Списывание
flag-crash = Падение
flag-leaks = Утечки памяти
flag-forbidden-function = Запрещённая функция
flag-cant-support = Не может объяснить код
flag-concerning = Тревожная ситуация

# Сотрудники
nav-staff = Сотрудникам
staff-title = Страницы сотрудников
staff-students = Студенты
staff-review-flags = Сигналы для проверки
staff-queue = Очередь проверки
staff-search = Поиск по логину или имени
staff-search-button = Найти
staff-level = Уровень
staff-current = Текущие проекты
staff-last-activity = Последняя активность
staff-at-risk = В зоне риска (7 дней без прогресса)
staff-yes = да
staff-project = Проект
staff-attempts = Попытки
staff-override = Изменить оценку
staff-reason = Причина
staff-no-flags = Проверять нечего.
staff-see-evaluation = открыть проверку
staff-void = Аннулировать проверку

# Прогресс
nav-progress = Прогресс
progress-title = Мой прогресс
progress-xp-over-time = XP во времени
progress-projects = Проекты и оценки
progress-evaluations = Проверки за последние 30 дней
progress-given-received = проведено: { $given }, пройдено: { $received }
staff-accounts = Учётные записи
staff-import = Импорт потока
staff-import-help = Одна учётная запись на строку: login,отображаемое имя,email,роль,пароль (email может быть пустым; роль: student, staff или admin). Учётные записи попадают в ваш кампус. Каждая строка создаётся целиком или отклоняется с причиной.
staff-csv = Строки CSV
staff-import-button = Создать учётные записи
staff-import-report = Отчёт об импорте
staff-created = создана

# Пароль
password-title = Сменить пароль
password-help = После смены все ваши сеансы завершатся, и этот тоже: войдите снова с новым паролем.
password-current = Текущий пароль
password-new = Новый пароль (не короче 10 символов)
password-submit = Сменить пароль
evaluations-cancel = Отменить эту проверку
evaluations-cancel-help = Поздняя отмена стоит баллов; см. правила кампуса.
project-retry-from = Повторная попытка возможна с { $at }.
staff-catalog = Каталог
staff-catalog-version = Версия в базе данных
staff-catalog-projects = Проекты
staff-catalog-archived = в архиве: { $count }
staff-catalog-last-sync = Последняя синхронизация
staff-catalog-disk = Папка каталога
staff-catalog-absent = У этого сервера нет папки каталога { $dir }.
staff-catalog-problems = Проблем: { $count }. Исправьте их и запустите `qadam catalog sync`.
staff-catalog-in-sync = В папке и в базе данных одна и та же программа.
staff-catalog-out-of-sync = Папка (версия { $version }) отличается от базы данных: запустите `qadam catalog sync`.
staff-catalog-changed = Изменены
staff-catalog-added = Новые
staff-catalog-removed = Удалены (уйдут в архив)
staff-catalog-stored = Проекты в базе данных
staff-catalog-kind = Тип
staff-catalog-project-version = Версия
staff-catalog-changed-at = Изменён
staff-create-account = Создать учётную запись
staff-display-name = Отображаемое имя
staff-email = Эл. почта (необязательно)
staff-role = Роль
staff-initial-password = Начальный пароль
staff-create-button = Создать учётную запись
staff-score = Баллы
staff-evaluations = Проверки
staff-gives = проверяющий
staff-receives = проверяемый
evaluations-calendar = Недели
evaluations-calendar-help = Нажмите на свободный час, чтобы открыть его, на открытый (✓) — чтобы убрать. Забронированные часы остаются.
evaluations-week-before = неделя раньше
evaluations-week-after = неделя позже
evaluations-week-of = Неделя с { $date }
evaluations-cell-booked = Здесь забронирована проверка
evaluations-cell-open = Открыть { $when }
evaluations-cell-remove = Убрать { $when }
weekday-1 = Пн
weekday-2 = Вт
weekday-3 = Ср
weekday-4 = Чт
weekday-5 = Пт
weekday-6 = Сб
weekday-7 = Вс
