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
