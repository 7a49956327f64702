# Les pages web de Qadam, en français. Chaque clé existe dans toutes les langues
# (un test le vérifie). Suivre les termes de projects-catalog/GLOSSARY.md.

app-name = Qadam
nav-dashboard = Tableau de bord
nav-curriculum = Cursus
nav-sign-out = Se déconnecter
nav-language = Langue
skip-to-content = Aller au contenu

# Connexion
login-title = Connexion
login-login = Login
login-password = Mot de passe
login-submit = Se connecter
login-invalid = Login ou mot de passe incorrect.
login-too-many = Trop de tentatives échouées : patientez un peu et réessayez.
login-busy = Le serveur est occupé : réessayez dans un instant.
login-intro = Connectez-vous avec le login et le mot de passe fournis par votre campus.

# Tableau de bord
dashboard-title = Tableau de bord
dashboard-hello = Bonjour, { $name }
dashboard-level = Niveau { $level }
dashboard-xp = { $xp } XP
dashboard-level-bar = Progression vers le niveau suivant
dashboard-points = Points d'évaluation
dashboard-points-balance = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
dashboard-current = Projets en cours
dashboard-no-current = Aucun projet en cours. Choisissez-en un dans le cursus.
dashboard-validated = Projets validés
dashboard-none-validated = Rien de validé pour l'instant.
dashboard-evaluations = Évaluations à venir
dashboard-no-evaluations = Aucune évaluation prévue.
dashboard-evaluating = Vous évaluez { $project }
dashboard-evaluated = { $project } est évalué
dashboard-notifications = Notifications
dashboard-no-notifications = Rien de nouveau.
dashboard-deadline = Échéance : { $at }

# Statuts des projets et des équipes
status-forming = Équipe en formation
status-in_progress = En cours
status-waiting_for_evaluation = En attente d'évaluation
status-finished = Terminé
status-abandoned = Abandonné
status-validated = Validé
status-failed = Échec
status-available = Disponible
status-locked = Verrouillé

# Cursus
curriculum-title = Cursus
curriculum-graph = Le cursus sous forme de graphe
curriculum-legend = Couleurs : vert validé, bleu en cours, blanc disponible, gris verrouillé.
curriculum-stage = Étape
curriculum-choose = Cursus

# Page d'un projet
project-kind-exercise = Exercice
project-kind-project = Projet
project-kind-rush = Rush
project-kind-exam = Examen
project-subject = Sujet
project-languages = Sujet en
project-rules = Règles
project-xp = XP
project-team-size = Équipe
project-team-solo = en solo
project-team-range = de { $min } à { $max } étudiants
project-deadline = Échéance
project-deadline-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
project-no-deadline = aucune
project-min-mark = Validé à partir de
project-evaluations = Évaluations par les pairs
project-evaluations-none = aucune
project-requires = Prérequis
project-requires-level = niveau { $level }
project-register = S'inscrire
project-registered = Inscription confirmée.
project-your-team = Votre équipe
project-attempt = Tentative { $attempt }
project-members = Membres
project-leader = chef d'équipe
project-invited = invitation envoyée
project-invite = Inviter un étudiant
project-invite-login = Son login
project-invite-submit = Inviter
project-accept = Accepter l'invitation
project-decline = Refuser
project-lock = Verrouiller l'équipe
project-leave = Quitter l'équipe
project-mark = Note
project-submit-title = Envoyez votre travail au correcteur automatique
project-submit-file = Archive (.tar.gz ou .zip) de votre dossier
project-submit-drop = ou déposez-la ici
project-submit-button = Envoyer
project-submit-cli = Depuis un terminal, dans le dossier du projet :
project-submissions = Rendus
project-no-submissions = Rien d'envoyé pour l'instant.
project-close = Rendre la dernière version corrigée
project-close-help = Rendre met fin à la tentative : c'est la dernière version corrigée qui est notée.
project-not-registered = Vous n'êtes pas inscrit à ce projet.

# Rendus
submission-status-queued = En attente du correcteur automatique
submission-status-running = Correction en cours
submission-status-graded = Corrigé
submission-status-failed = Correction impossible (erreur de notre côté)
submission-verdict = Verdict
submission-score = Score : { $score }
submission-uploaded = Envoyé le { $at } par { $login }
submission-tests = Tests
submission-test-hidden = test caché
submission-expected-got = Ce que le test a vu
verdict-passed = réussi
verdict-failed = échoué
verdict-compilation_error = erreur de compilation
verdict-time_limit = temps limite dépassé
verdict-memory_limit = limite de mémoire dépassée
verdict-output_limit = limite de sortie dépassée
verdict-crashed = plantage
verdict-forbidden_function = fonction interdite
verdict-norm_error = erreur de norme
verdict-internal_error = erreur interne (pas de votre faute)

# Erreurs
error-title = Une erreur s'est produite
error-not-found = Cette page n'existe pas, ou vous n'avez pas le droit de la voir.
error-forbidden = Vous n'avez pas le droit de faire cela.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et réessayez.
error-internal = Le serveur a échoué. L'erreur a été journalisée ; réessayez plus tard.
error-back = Retour au tableau de bord
error-conflict = Impossible pour le moment

# Évaluations par les pairs
nav-evaluations = Évaluations
evaluations-title = Évaluations par les pairs
evaluations-slots = Quand je peux évaluer
evaluations-slots-help = Ouvrez les créneaux où vous êtes libre pour évaluer (UTC, par quarts d'heure, au moins 30 minutes). Les équipes choisissent une heure, jamais une personne.
evaluations-no-slots = Vous n'avez ouvert aucun créneau.
evaluations-slot-booked = { $count } réservé(s)
evaluations-remove-slot = Retirer
evaluations-from = De (UTC)
evaluations-to = À (UTC)
evaluations-add-slot = Ouvrir ce créneau
evaluations-mine = Les évaluations que je donne et que je reçois
evaluations-when = Quand
evaluations-change = Variation
evaluations-balance = Solde
evaluations-reason = Motif
evaluation-status-booked = Réservée
evaluation-status-in_progress = En cours
evaluation-status-completed = Terminée
evaluation-status-cancelled = Annulée
evaluation-status-no_show = Absence
evaluation-status-voided = Annulée par l'équipe pédagogique
evaluations-book-title = Réserver une évaluation
evaluations-no-times = Aucun évaluateur n'est libre. Inscrivez-vous en liste d'attente : vous serez réservé dès qu'un évaluateur se libère.
evaluations-book = Réserver ce créneau
evaluations-waitlist = Ou attendre le premier évaluateur libre avant (UTC)
evaluations-waitlist-join = S'inscrire en liste d'attente
evaluations-status = État
evaluations-evaluator = Évaluateur
evaluations-who = Qui
evaluations-revealed-at = visible à partir de { $at }
evaluations-code = Code de présence (à montrer à votre évaluateur)
evaluations-flag = Drapeau
evaluations-comment = Commentaire
evaluations-enter-code = Le code de présence de l'équipe
evaluations-start = Commencer l'évaluation
evaluations-download = Télécharger l'archive rendue
evaluations-feedback-given = Votre retour
evaluations-sheet-time = La feuille prévoit { $minutes } minutes.
evaluations-bonus = bonus
evaluations-yes = Oui
evaluations-no = Non
evaluations-submit-sheet = Envoyer la feuille
evaluations-feedback = Notez votre évaluateur
evaluations-rating = Note (5 est la meilleure)
evaluations-tag-nice = Sympathique
evaluations-tag-rigorous = Rigoureux
evaluations-tag-interested = Intéressé
evaluations-tag-punctual = Ponctuel
evaluations-send-feedback = Envoyer le retour
evaluations-wrong-code = Code erroné. Essais restants : { $left }.
flag-ok = Ok
flag-outstanding = Projet remarquable
flag-empty = Travail vide
flag-incomplete = Travail incomplet
flag-invalid-compilation = Compilation invalide
flag-norme = Erreur de norme
flag-cheat = Triche
flag-crash = Plantage
flag-leaks = Fuites de mémoire
flag-forbidden-function = Fonction interdite
flag-cant-support = Ne sait pas expliquer son code
flag-concerning = Situation préoccupante

# Équipe pédagogique
nav-staff = Équipe
staff-title = Pages de l'équipe pédagogique
staff-students = Étudiants
staff-review-flags = Signalements à examiner
staff-queue = File de correction
staff-search = Rechercher par login ou nom
staff-search-button = Rechercher
staff-level = Niveau
staff-current = Projets en cours
staff-last-activity = Dernière activité
staff-at-risk = En difficulté (7 jours sans progrès)
staff-yes = oui
staff-project = Projet
staff-attempts = Tentatives
staff-override = Modifier la note
staff-reason = Motif
staff-no-flags = Rien à examiner.
staff-see-evaluation = voir l'évaluation
staff-void = Annuler l'évaluation

# Progression
nav-progress = Progression
progress-title = Ma progression
progress-xp-over-time = XP au fil du temps
progress-projects = Projets et notes
progress-evaluations = Évaluations des 30 derniers jours
progress-given-received = { $given } données, { $received } reçues
staff-accounts = Comptes
staff-import = Importer une promotion
staff-import-help = Un compte par ligne : login,nom affiché,email,rôle,mot de passe (l'email peut être vide ; le rôle est student, staff ou admin). Les comptes rejoignent votre campus. Chaque ligne est créée entière ou refusée avec sa raison.
staff-csv = Lignes CSV
staff-import-button = Créer les comptes
staff-import-report = Rapport d'import
staff-created = créé

# Mot de passe
password-title = Changer mon mot de passe
password-help = Après le changement, toutes vos sessions se terminent, celle-ci aussi : reconnectez-vous avec le nouveau mot de passe.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe (au moins 10 caractères)
password-submit = Changer le mot de passe
evaluations-cancel = Annuler cette évaluation
evaluations-cancel-help = Une annulation tardive coûte des points ; voir les règles du campus.
project-retry-from = Nouvelle tentative possible à partir du { $at }.
staff-catalog = Catalogue
staff-catalog-version = Version dans la base
staff-catalog-projects = Projets
staff-catalog-archived = { $count } archivé(s)
staff-catalog-last-sync = Dernière synchronisation
staff-catalog-disk = Le dossier du catalogue
staff-catalog-absent = Ce serveur n'a pas de dossier de catalogue en { $dir }.
staff-catalog-problems = { $count } problème(s) : corrigez-les, puis lancez `qadam catalog sync`.
staff-catalog-in-sync = Le dossier et la base contiennent le même cursus.
staff-catalog-out-of-sync = Le dossier (version { $version }) diffère de la base : lancez `qadam catalog sync`.
staff-catalog-changed = Modifiés
staff-catalog-added = Nouveaux
staff-catalog-removed = Supprimés (seront archivés)
staff-catalog-stored = Projets dans la base
staff-catalog-kind = Type
staff-catalog-project-version = Version
staff-catalog-changed-at = Modifié le
staff-create-account = Créer un compte
staff-display-name = Nom affiché
staff-email = E-mail (facultatif)
staff-role = Rôle
staff-initial-password = Mot de passe initial
staff-create-button = Créer le compte
staff-score = Score
staff-evaluations = Évaluations
staff-gives = évaluateur
staff-receives = évalué
evaluations-calendar = Semaines
evaluations-calendar-help = Cliquez sur une heure libre pour l'ouvrir, sur une heure ouverte (✓) pour la retirer. Les heures réservées restent.
evaluations-week-before = semaine précédente
evaluations-week-after = semaine suivante
evaluations-week-of = Semaine du { $date }
evaluations-cell-booked = Une évaluation est réservée ici
evaluations-cell-open = Ouvrir { $when }
evaluations-cell-remove = Retirer { $when }
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.
