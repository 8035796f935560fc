"""The Spanish table of crisis wording (see admissions/crisis/__init__.py).

Patterns are written without accents and with "n" for "ñ": the text they run on has
its accents dropped, so "suicidarme", "SUICIDARME" and "suicidárme" read alike, and
"tomó" reads as "tomo". Where dropping the accent makes a past act ("se tomó",
"he took") look like a habit ("tomo", "I drink": tomar is also to drink), a pattern
asks for the reflexive form or for pills, so a drinker's "tomo demasiado" is routine.
"""

import re

from .rules import Rule, Vocabulary, words

# Pieces shared by the Spanish patterns.
OWNER = r"(?:(?:mis|sus|tus|las|los|mi|su|tu|la|el|esas|esos|estas|estos) )?"
PILLS = (
    r"(?:pastillas?|pildoras?|tabletas?|capsulas?|medicinas?|medicamentos?|calmantes"
    r"|analgesicos|somniferos|pastillas para dormir|xanax|alprazolam|clonazepam|rivotril"
    r"|diazepam|valium|lorazepam|benzos|oxicodona|oxys?|percocet|tramadol|fentanilo"
    r"|fentanyl|fenta|heroina|insulina|tylenol|paracetamol|ibuprofeno|ambien|seroquel)"
)
# Past ingestion, in forms that cannot be a habit: "se tomó", "me tragué".
TOOK = (
    r"(?:se tomo|me tome|te tomaste|se tomaron|tomaron|tomaste|se ha tomado|me he tomado"
    r"|ha tomado|se habia tomado|habia tomado|se trago|me trague|se tragaron|trago|trague"
    r"|ingirio|ingeri|se inyecto|me inyecte|se metio|me meti)"
)
# "Se tomó demasiado *en serio*" is no overdose.
NOT_A_FIGURE_OF_SPEECH = r"(?! (?:en serio|a pecho|a la ligera|tiempo|a mal)\b)"
# "Me lastimé *la espalda*": an injury, often how opioid use began, not self-harm.
INJURY = (
    r"(?:espalda|rodillas?|hombros?|tobillos?|pies?|cuello|cadera|columna|munecas?|manos?"
    r"|dedos?|piernas?)"
)
NOT_AN_INJURY = rf"(?! (?:en |a )?(?:la|el|los|las|mi|su|sus|mis) {INJURY}\b)"
# More than anyone takes by mistake; small numbers ("dos pastillas") do not count.
AMOUNT = (
    r"(?:(?:como|casi|mas de|unas|unos|al menos|por lo menos) )?"
    r"(?:un monton de|monton de|un punado de|punado de|muchas|muchos|todas|todos"
    r"|todas las|todos los|toda la|todo el|una caja de|una caja entera de|[5-9]|[1-9]\d+"
    r"|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta"
    r"|cien|una docena de|docenas de)"
)
UP_TO_4_WORDS = r"(?:[\w']+ ){0,4}"
NARCAN = r"(?:nar[ck][aeio][nm]|nal[oa]x[oa]n[ae]?|kloxxado|zimhi)"
SELF = r"(?:me|se|te)"
# "no se despierta *temprano*" is a late riser, not an emergency.
NOT_A_LATE_RISER = (
    r"(?! (?:temprano|a tiempo|para|antes|hasta|a las|en la manana|por la manana|de"
    r" buen humor)\b)"
)
# "No quiero vivir *con mis padres*" is about where, not whether. "No quiero vivir
# así" stays a flag: it is also how despair sounds, and a doubt is a call.
NOT_A_WAY_OF_LIFE = r"(?! (?:con|en|alli|aqui|cerca|solo|sola|lejos|junto)\b)"
WANT = (
    r"(?:quiero|quiere|quieren|queria|querias|quisiera|quisiese|deseo|desea|deseaba"
    r"|tengo ganas de|tiene ganas de|tenia ganas de|ganas de)"
)
# "Que" and "wish": "ojalá", "quisiera", "preferiría".
WISH = r"(?:ojala|quisiera|preferiria|desearia|mejor)"
DIE = r"morir(?:me|se|te|nos)?"
# Where someone may jump from.
HEIGHT = (
    r"(?:puente|edificio|techo|azotea|balcon|ventana|acantilado|barranco|paso elevado"
    r"|estacionamiento|torre|segundo piso|tercer piso|cuarto piso|quinto piso)"
)
VEHICLE = r"(?:tren|metro|camion|autobus|bus|carro|coche|auto|trafico|trailer)"

RULES = (
    # Someone may be dying as the form is filled in: 911 first, so this leads.
    Rule(
        "not_breathing",
        (
            r"(?:no|ya no|casi no|apenas|dejo de|deja de|ha dejado de|no esta|no estaba"
            r"|no puede|no podia) respir(?:a|ar|ando|aba)",
            r"respira (?:muy |bien |super )?(?:lento|despacio|poco|raro)",
            # Someone who has to ask is looking at a person who may be dying.
            r"no (?:se|sabemos|estoy segur[oa]|estamos seguros) (?:de )?si"
            r" (?:todavia |aun |sigue )?(?:respira|esta viv[oa])",
            rf"no (?:se )?despierta{NOT_A_LATE_RISER}",
            rf"no (?:lo|la|los|las|le) (?:puedo|podemos|pude|pudimos|logro|logramos)"
            rf" despertar{NOT_A_LATE_RISER}",
            r"no (?:puedo|podemos|pude|pudimos|logro|logramos) despertarl[oae]s?",
            # "No responde" a question is no emergency; "no responde a mis llamadas" neither.
            r"no (?:reacciona|responde)(?! (?:a|al|los|las|el|mis|sus|mensajes|llamadas"
            r"|telefono|celular|correo)\b)",
            # "Es muy inconsciente" is reckless, not unconscious.
            r"(?<!es )(?<!muy )(?<!tan )(?<!un )(?<!una )inconsciente|desmayad[oa]|se desmayo"
            r"|perdio (?:el )?(?:conocimiento|sentido)",
            r"se (?:esta poniendo|estaba poniendo|puso|pone|esta|estaba) (?:todo |toda )?"
            r"(?:morad[oa]|azul|gris)",
            r"(?:labios|cara|piel|dedos) (?:estan |se ven |se pusieron |se estan poniendo )?"
            r"(?:morad[oa]s|azules|grises)",
            r"(?:echando|echa|saca|sacando) espuma por la boca|sin pulso|no tiene pulso",
        ),
    ),
    # Naloxone reverses an opioid overdose: someone needed it. "¿Dan Narcan?" asks
    # about harm reduction, so only its use counts.
    Rule(
        "naloxone_used",
        (
            r"(?:le |les )?(?:di|dio|dimos|dieron|puse|puso|pusimos|pusieron|aplique|aplico"
            r"|aplicamos|aplicaron|eche|echamos|use|uso|usamos|usaron|administre|administramos"
            r"|administraron|tuve que (?:dar|poner|usar)|tuvimos que (?:dar|poner|usar)"
            rf"|tuvieron que (?:dar|poner|usar)) (?:le |les )?{UP_TO_4_WORDS}{NARCAN}",
            rf"(?:revivieron|revivimos|revivi|reanimaron|reanimamos) {UP_TO_4_WORDS}con"
            rf" {UP_TO_4_WORDS}{NARCAN}",
            rf"{NARCAN} (?:fue|fueron|tuvo que ser) (?:usad[oa]|aplicad[oa]|administrad[oa])",
            rf"(?:\d+|dos|tres|cuatro|varias|otra|una segunda) (?:dosis|aplicaciones) de"
            rf" {NARCAN}",
        ),
    ),
    # Something has been taken already: poison control or 911 may be needed now.
    Rule(
        "overdose",
        (
            # "Preguntas sobre dosis de metadona" asks about doses.
            r"sobredosi[sz]|sobre dosis(?! de (?:metadona|suboxone|buprenorfina|naltrexona"
            r"|la medicina|medicamentos?)\b)|sobredos(?:o|e|aron|ando)|se sobredosifico"
            r"|sobredosificacion",
            rf"{TOOK} (?:mucho |muchisimo |muchas |muchos )?demasiad[oa]s? (?:de )?{OWNER}{PILLS}",
            r"se (?:tomo|trago|metio|inyecto) (?:mucho |muchisimo )?demasiad[oa]s?"
            rf"{NOT_A_FIGURE_OF_SPEECH}",
            rf"me (?:tome|trague|meti|inyecte) (?:mucho |muchisimo )?demasiad[oa]s?"
            rf"{NOT_A_FIGURE_OF_SPEECH}",
            rf"se (?:paso|le paso la mano) con {OWNER}{PILLS}",
            rf"{TOOK} {AMOUNT} (?:de )?{OWNER}{PILLS}",  # "se tomó todas sus pastillas"
            # "se tomó el frasco entero", but not "se tomó una botella de vino".
            rf"{TOOK} (?:un|el|una|la|su|mi) (?:frasco|bote|caja|blister)(?: entero| entera"
            rf"| completo| completa)?(?! de (?!{OWNER}{PILLS}\b))",
            rf"(?:trag(?:o|ue|aron|ando|andose|arse)|se trago|me trague) {UP_TO_4_WORDS}{PILLS}",
            r"(?:centro|control) de (?:control de )?(?:envenenamientos?|intoxicaciones"
            r"|toxicologia)|envenenamiento",
        ),
    ),
    # The means or a plan, not yet used. "Pastillas" alone is a prescription, so only
    # a stash or an intention counts.
    Rule(
        "plan_or_means",
        (
            rf"(?:un monton|monton|un punado|punado|un frasco(?: entero| lleno)?|frascos"
            rf"|una reserva|reserva|un alijo) de {OWNER}{PILLS}",
            # "Estoy juntando pastillas", but not "guarda sus pastillas en el baño".
            rf"(?:guard|junt|acumul|escond)(?:ando|ado|ados|adas) {UP_TO_4_WORDS}{PILLS}",
            rf"(?:voy a|va a|vamos a|quiero|quiere|pienso|piensa|estoy pensando en|esta pensando"
            rf" en|podria|me dan ganas de) (?:tomarme|tomarse|tragarme|tragarse|tomar|tragar)"
            rf" (?:{AMOUNT} (?:de )?{OWNER}{PILLS}|(?:el|un|todo el) frasco)",
            rf"suficientes {PILLS} (?:para|como para)",
            r"(?:una|la|su|mi|tiene una|un) (?:pistola|arma(?: de fuego)?|escopeta|rifle|revolver"
            r"|fusca)(?! (?:de (?:agua|juguete|aire|fogueo|balines))\b)",
            r"(?:pistola|arma) (?:en|contra) (?:la|su|mi) (?:cabeza|boca|sien)",
            r"(?:una|la|mi|su) soga|cuerda (?:al|en el) cuello",
            rf"(?:tirarme|tirarse|aventarme|aventarse|lanzarme|lanzarse|arrojarme|arrojarse"
            rf"|saltar|brincar|me tiro|se tira|me aviento|se avienta) (?:de|desde|del|por)"
            rf" (?:un |el |la |una |este |ese |esa |mi |su )?{HEIGHT}",
            rf"(?:tirarme|tirarse|aventarme|aventarse|lanzarme|lanzarse|arrojarme|arrojarse"
            rf"|me tiro|se tira|me aviento|se avienta) (?:a|al|frente a|frente al|enfrente de"
            rf"|enfrente del|delante de|delante del|bajo|debajo de|debajo del) (?:un |una |el"
            rf" |la |los )?{VEHICLE}",
            r"(?:tirarme|tirarse|aventarme|aventarse|lanzarme|lanzarse) a las vias",
            # A goodbye note or giving things away: the warning signs of a plan.
            r"(?:escribi|escribio|escribiendo|escrito|dejo|deje|dejando|dejado) (?:una |la |su"
            r" |mi )?(?:carta|nota|mensaje|cartas|notas|mensajes) de despedida",
            r"(?:regalando|regalo|regala|regalar|repartiendo|repartio|reparte|dando|dio)"
            r" (?:todas |todos )?(?:sus|mis) (?:cosas|pertenencias)",
        ),
    ),
    Rule(
        "kill_oneself",
        (
            r"suicid(?:ar|arme|arse|arte|arnos|o|e|aron|ara|aria|ando|andose)",
            # "Matarse trabajando" is working too hard, not dying.
            r"matar(?:me|se|te)(?! (?:trabajando|a trabajar|estudiando|de risa|de hambre"
            r"|por (?:el|mi|su) trabajo)\b)",
            # "Me voy a matar", but not "mi mamá me va a matar si se entera".
            r"(?:me (?:voy a|quiero|queria|pienso|iba a)|se (?:va a|quiere|queria|piensa|iba a))"
            r" matar(?! (?:trabajando|a trabajar|de risa)\b)",
            r"se mato|me mato(?! (?:trabajando|a trabajar|estudiando|de risa)\b)",
            r"ahorcar(?:me|se|te)|(?:me|se) (?:ahorco|ahorque|ahorca|va a ahorcar)",
            r"(?:pegarme|pegarse|darme|darse|me pego|se pego|me doy|se dio) un tiro"
            r"|volar(?:me|se) (?:la cabeza|los sesos)",
            r"envenenar(?:me|se)|(?:me|se) (?:envenene|enveneno)",
            r"desaparecer(?:me)? de este mundo|irme de este mundo",
        ),
    ),
    Rule(
        "suicide",
        (
            # suicida, suicidio, and misspellings: suisida, suicidio, suisidio, sucida
            r"s[uie]{1,3}[cs]{1,2}[iy]d(?:a|as|io|ios|al|ales)",
        ),
    ),
    Rule(
        "ending_life",
        (
            r"quitar(?:me|se|te|le) la vida|(?:me|se|te) (?:quito|quite|quita|quitara|quitaria"
            r"|va a quitar|voy a quitar) la vida",
            r"(?:acabar|terminar|acabe|termine|acabo|termino|acabando|terminando) con (?:mi|su|tu)"
            r" (?:propia )?vida|poner(?:le)? fin a (?:mi|su|tu) (?:propia )?vida",
            # "Acabar con todo", but not "acabar con todo el alcohol de la casa".
            r"(?:acabar|terminar|acabando|terminando) con todo(?! (?:el|la|los|las|lo de)\b)",
        ),
    ),
    Rule(
        "wish_to_die",
        (
            rf"{WANT} {DIE}|{SELF} (?:quiero|quiere|queria|quisiera) morir",
            rf"no (?:quiero|quiere|queria|tengo ganas de|tiene ganas de) (?:seguir )?"
            rf"viv(?:ir|iendo){NOT_A_WAY_OF_LIFE}",
            r"no (?:quiero|quiere|queria) (?:estar|seguir) (?:viv[oa]|aqui|en este mundo)",
            # "Ya no quiero seguir", but not "no quiero seguir bebiendo".
            r"no (?:quiero|quiere|puedo|puede) seguir(?= ?(?:$|[.!?,;]|(?:mas|asi|ya|adelante)\b))",
            r"no (?:quiero|quiere) despertar(?:me|se)?(?! (?:temprano|a las|para|tan)\b)",
            rf"{WISH} (?:que )?(?:me |se |yo )?(?:estar |estuviera |estaria )?(?:muert[oa]|muriera"
            r"|morirme|no despertar|no despertara|no haber nacido|desapareciera)",
            r"(?:estarian|estaria|estan|viviran|vivirian) mejor sin mi|mejor (?:estar )?muert[oa]",
            r"mejor si (?:yo )?(?:no estuviera|me muriera|desapareciera)",
            # "No sé si quiero vivir" is doubt about living, not a denial.
            r"no (?:se|estoy segur[oa]) (?:si )?(?:todavia |aun |realmente )?(?:quiero|quiere)"
            r" (?:seguir )?(?:vivir|viviendo|estar vivo|estar viva)",
            r"no (?:le )?(?:veo|ve|encuentro|encuentra) (?:el |ningun )?(?:sentido|razon|motivo)"
            r" (?:a|de|para|en) (?:la vida|vivir|seguir)",
            r"(?:no tengo|no tiene|sin) (?:razones|razon|motivos|motivo|nada) (?:para|por que"
            r"|por la que) (?:vivir|seguir)|nada por (?:que|lo que) vivir",
            r"no vale la pena (?:vivir|seguir)|la vida no vale (?:la pena|nada)",
            r"(?:cansad[oa]|hart[oa]) de (?:vivir|la vida|existir|estar viv[oa])",
            r"(?:nadie|ninguno) me (?:extranaria|echaria de menos|va a extranar)"
            r"|a nadie le importaria",
            r"(?:pienso|piensa|pensando|pense) (?:en|mucho en) (?:la muerte|morir|morirme"
            r"|matarme|no despertar)",
            r"dormir(?:me)? y no despertar|dormir(?:me)? para siempre",
            r"desaparecer para siempre|(?:estoy|esta) list[oa] para morir",
        ),
    ),
    Rule(
        "self_harm",
        (
            r"auto ?-?(?:lesion|agresion|dano|mutilacion)\w*|autolesion\w*",
            rf"(?:hacer{SELF} dano|{SELF} (?:hago|hace|hice|hizo|esta haciendo|estoy haciendo"
            rf"|ha hecho|he hecho|han hecho) dano){NOT_AN_INJURY}",
            rf"(?:lastimar(?:me|se)|herir(?:me|se)|(?:me|se) (?:estoy|esta|sigue|sigo)"
            rf" lastimando){NOT_AN_INJURY}",
            # "Cortarse las venas" or "se corta", but not "cortarme el pelo".
            r"cortar(?:me|se|te)(?! (?:el|las|los|la|un|una) (?:pelo|cabello|unas|barba|flequillo"
            r"|puntas|dedo|pan|alcohol|bebida|vicio|cigarro)\b)(?! (?:el|un) poco\b)",
            r"(?:me|se) (?:corto|corta|corte|esta cortando|estoy cortando|ha cortado|he cortado)"
            r" (?:los |las |el |la )?(?:brazos?|munecas?|piernas?|muslos?|venas|piel)",
            r"(?:me|se) (?:esta|estoy|sigue|sigo) cortando(?= ?(?:$|[.!?,;]|otra vez|de nuevo"
            r"|y|o|pero))",
            r"(?:quemar|golpear)(?:me|se) (?:a proposito|a si mism[oa]|yo mism[oa])",
            # Someone who says they cannot keep themselves safe is at risk of harm now.
            r"no (?:puedo|puede|se si puedo) mantener(?:me|se) a salvo",
        ),
    ),
)

# How Spanish denies a danger: "*no* tengo pensamientos suicidas", "*nunca* me he
# hecho daño", "*niega* ideas de suicidio".
NEGATIONS = words("no ni nunca jamas sin niega niego nego negaba negamos tampoco")
VOCABULARY = Vocabulary(
    negations=NEGATIONS,
    bridge_words=words(
        "yo me mi mis el ella ellos ellas lo la le les se nos su sus te tu es soy son esta "
        "estoy estan era fue sido ser ha he han hay habia tengo tiene tienen tenido tenia "
        "ningun ninguna ninguno algun alguna de del a al los las un una unos unas y o con "
        "que pensamientos pensamiento ideas idea ideacion intencion intenciones intento "
        "intentos plan planes historial antecedentes riesgo problemas sentimientos ganas "
        "suicida suicidas suicidio autolesiones sobredosis realmente actualmente quiero "
        "quiere queria voy va vamos iba pienso piensa pensado intentado hecho tratado "
        "nada nunca jamas en"
    ),
    # "no puedo *negar* que", "¿por qué *no*?", "si *o* no": "ya no" is "no longer",
    # so it was so ("ya no soy suicida" still fires, as "not suicidal anymore" does).
    undoes_negation=NEGATIONS | words("puedo puede podemos o ya"),
    still_there=re.compile(r"\b(?:todavia|aun|de nuevo|otra vez)\b"),
    clause_break=re.compile(
        r"[.!?;:,()\[\]\"\n\u00bf\u00a1]| -+ |\b(?:pero|sin embargo|aunque|excepto|sino|salvo)\b"
    ),
)
