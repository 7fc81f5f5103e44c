"""The training library page that holds every module."""

LIBRARY = {
    "title": "Trainingen",
    "slug": "training",
    "intro": "<p>Hier vind je de trainingen over online bedreiging. Ze zijn voor docenten, trainers, coaches en "
    "vrijwilligers. Je leert signalen herkennen, een goed gesprek voeren en een slachtoffer stap voor stap "
    "helpen.</p>",
}
