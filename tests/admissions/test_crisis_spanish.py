"""Crisis wording in Spanish messages (admissions/crisis/spanish.py)."""

import pytest

from admissions.crisis import RULES, crisis_rule

# Messages as people write them: someone who may be in danger now. With and without
# accents, in capitals, with the spellings of a phone keyboard.
URGENT = [
    "Me quiero morir",
    "ya no quiero vivir, me tomé todas mis pastillas",
    "Estoy pensando en suicidarme",
    "quiero quitarme la vida",
    "Mi hijo tuvo una sobredosis anoche",
    "mi esposo no respira, por favor ayúdenme",
    "NO RESPIRA",
    "Mi hermana se tomó un frasco entero de pastillas",
    "mi hijo se tomó demasiadas pastillas y está muy raro",
    "le dimos narcan y volvió pero tengo miedo",
    "tuvimos que usar naloxona dos veces esta semana",
    "no lo puedo despertar, se metió algo",
    "Está inconsciente y tiene los labios morados",
    "mi novio se está poniendo morado",
    "tengo pensamientos suicidas desde hace semanas",
    "Mi hija intentó suicidarse el año pasado y ahora está peor",
    "no le veo sentido a la vida",
    "Mi familia estaría mejor sin mí",
    "ojalá no despertara mañana",
    "Estoy cansada de vivir",
    "me estoy cortando otra vez",
    "me corto los brazos cuando bebo",
    "quiero hacerme daño",
    "mi hermano tiene una pistola y dice que va a acabar con todo",
    "voy a tirarme del puente",
    "he estado juntando pastillas",
    "escribió una carta de despedida",
    "no sé si quiero seguir viviendo",
    "ya no quiero seguir.",
    "no puedo mantenerme a salvo esta noche",
    "Mi mamá dice que se quiere morir",
    "SE QUIERE SUICIDAR",
    "tengo ganas de morirme",
    "no tengo ganas de vivir",
    "no me he hecho daño todavía",
    "ya no tengo pensamientos suicidas pero a veces vuelven",
    "nadie me extrañaría",
    "mi papá se echa espuma por la boca",
]

# Ordinary messages to an addiction-treatment program, some with a denial in them.
NOT_URGENT = [
    "No tengo pensamientos suicidas, solo quiero dejar de beber",
    "Nunca he pensado en suicidarme, pero necesito ayuda con el alcohol",
    "no quiero morir, quiero ayuda",
    "No me quiero morir, quiero recuperar a mi familia",
    "No quiero vivir con mis padres, ¿puedo hacer el programa igual?",
    "Mi esposo toma demasiado",
    "Tomo demasiado los fines de semana",
    "Tomo todas mis pastillas como me indicó el médico",
    "Tomo dos pastillas para la presión",
    "¿Ustedes dan Narcan?",
    "Tengo naloxona en casa porque mi hermano consume",
    "Mi hijo no se despierta temprano para ir a la escuela",
    "Me mato trabajando y luego bebo para relajarme",
    "Mi mamá me va a matar si se entera de que bebo",
    "Me lastimé la espalda en el trabajo y así empecé con las pastillas",
    "Me hice daño en la rodilla jugando fútbol",
    "Necesito cortarme el pelo antes de la entrevista",
    "Quiero acabar con mi adicción",
    "Mi jefe no responde a mis llamadas",
    "Tengo preguntas sobre dosis de metadona",
    "Nunca ha tenido una sobredosis, gracias a Dios",
    "Niega ideas de suicidio, solo necesita ayuda con la bebida",
    "No es suicida, solo quiere dejar de consumir",
    "no quiero seguir bebiendo así",
    "¿Aceptan el seguro de Medicaid?",
    "¿A qué hora empieza el grupo de la noche?",
    "Me tomé demasiado en serio lo que dijo el médico",
    "Mi hermano es muy inconsciente con el dinero",
    "Mi hijo guarda sus pastillas en el baño",
    "Quiero saber si el programa virtual es confidencial",
    "Mi esposa se tomó una botella de vino y discutimos",
    "Le di las gracias a la consejera por su tiempo",
    "No sé si vive todavía en la ciudad",
    "Vivo a 20 km de la clínica",
]


def test_spanish_crisis_rule_reads_every_message_in_the_table_right():
    wrong = [
        f"missed: {message!r}" for message in URGENT if crisis_rule(message, language="es") is None
    ]
    wrong += [
        f"false alarm ({rule}): {message!r}"
        for message in NOT_URGENT
        if (rule := crisis_rule(message, language="es")) is not None
    ]

    assert wrong == [], f"{len(wrong)} messages read wrongly:\n" + "\n".join(wrong)


def test_spanish_crisis_table_has_enough_of_both_kinds():
    assert len(URGENT) >= 30
    assert len(NOT_URGENT) >= 30


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        # Rules are tried most urgent first: the overdose leads, not the wish to die.
        ("ya no quiero vivir, me tomé todas mis pastillas", "overdose"),
        ("mi esposo no respira", "not_breathing"),
        ("le pusimos narcan", "naloxone_used"),
        ("tiene la pistola de su papá", "plan_or_means"),
        ("quiero suicidarme", "kill_oneself"),
        ("tengo pensamientos suicidas", "suicide"),
        ("quiero quitarme la vida", "ending_life"),
        ("me quiero morir", "wish_to_die"),
        ("se está cortando los brazos", "self_harm"),
        ("No tengo pensamientos suicidas", None),
    ],
)
def test_spanish_crisis_rule_names_the_rule_that_fired(message, rule):
    assert crisis_rule(message, language="es") == rule


@pytest.mark.parametrize(
    "message", ["SUICIDARME", "suicidarme", "Suicidárme", "SOBREDÓSIS", "sobredosis"]
)
def test_spanish_crisis_rule_ignores_accents_and_case(message):
    assert crisis_rule(f"pienso en {message}", language="es") is not None


def test_crisis_rule_reads_a_message_in_the_other_language_too():
    # People write in the language they think in, whichever form they found.
    assert crisis_rule("me quiero morir", language="en") == "wish_to_die"
    assert crisis_rule("I want to kill myself", language="es") == "kill_oneself"


def test_english_denial_still_denies_when_read_with_the_spanish_table():
    assert crisis_rule("I'm not suicidal, I just want to stop drinking", language="es") is None


def test_spanish_table_has_every_rule_of_the_english_one():
    assert [rule.name for rule in RULES["es"]] == [rule.name for rule in RULES["en"]]
