"""The demo clinic's content in Spanish, loaded by `manage.py load_demo_content` into the
Spanish columns of the records demo_content.py and demo_articles.py create.

Written in our own words for the same reader (someone frightened, reading on a phone),
in a warm and plain Spanish with the formal "usted". Keyed by each record's English
short name; a page's sections are in the order of its English ones.
"""

CLINIC = {
    "opening_hours": (
        "Teléfono de admisiones: las 24 horas, los 7 días de la semana\n"
        "Oficina: de lunes a viernes, de 9 a. m. a 9 p. m.; sábados, de 10 a. m. a 9 p. m.\n"
        "Grupos de la tarde: consulte el horario"
    ),
    "license_title": "Certificado de Aprobación",
}

# By issuer: the name of the accreditation or membership.
ACCREDITATIONS = {
    "The Joint Commission": "Acreditación en Atención de Salud Conductual y Servicios Humanos",
    "National Association of Addiction Treatment Providers": "Programa miembro",
}

TRACKS = {
    "in-person-evening": {
        "name": "Programa presencial por la tarde",
        "description": (
            "En nuestra clínica, los {{ session-days }} por la tarde. Para quienes prefieren "
            "estar en la misma sala que su grupo y su consejero."
        ),
        "location": "Harbor Light Recovery, sala de grupo",
    },
    "virtual-evening": {
        "name": "Programa virtual por la tarde",
        "description": (
            "La misma atención por video seguro, los {{ session-days }} por la tarde. Para "
            "quienes viven lejos, no tienen transporte o necesitan privacidad en casa."
        ),
        "location": "Enlace de video seguro que le envía su consejero",
    },
}

THERAPIES = {
    "group-therapy": {
        "title": "Terapia de grupo",
        "summary": (
            "El centro del programa: un grupo pequeño de personas que viven algo parecido, "
            "con un consejero con licencia."
        ),
        "body": (
            "La mayor parte de cada tarde se pasa en grupo. Al principio puede costar. Muchas "
            "personas sienten alivio al oír a otros decir lo que ellas mismas han sentido.\n\n"
            "Nunca tiene que contar más de lo que quiera. Puede escuchar hasta que se sienta "
            "listo.\n\n"
            "Algunos temas que trabajamos juntos:\n\n"
            "- **Cómo afrontar:** qué hacer con los antojos, el estrés y los sentimientos "
            "difíciles\n"
            "- **Prevención de recaídas:** conocer sus detonantes y tener un plan\n"
            "- **Las emociones:** notar el enojo, el miedo o la tristeza antes de que tomen "
            "el control\n"
            "- **Las relaciones:** recuperar la confianza y poner límites sanos\n"
            "- **La sobriedad temprana:** vivir el día a día sin consumir"
        ),
    },
    "individual-counseling": {
        "title": "Consejería individual",
        "summary": "Tiempo a solas, con regularidad, con su propio consejero.",
        "body": (
            "Algunas cosas se hablan mejor a solas. Con su consejero puede mirar asuntos "
            "personales, también traumas del pasado, a su propio ritmo.\n\n"
            "Juntos escriben su plan de recuperación y su plan de prevención de recaídas, y "
            "los revisan a medida que avanza, para que sigan encajando en su vida."
        ),
    },
    "family-program": {
        "title": "Programa para familias",
        "summary": "Sesiones para que sus seres queridos entiendan lo que vive y sepan apoyarle.",
        "body": (
            "La adicción afecta a toda la familia. En las sesiones familiares, sus seres "
            "queridos aprenden qué es la adicción, hacen sus preguntas y se sienten "
            "escuchados.\n\n"
            "También aprenden a apoyarle sin tomar el control. Usted decide quién participa."
        ),
    },
    "twelve-step": {
        "title": "Los 12 pasos",
        "summary": "Trabajar los doce pasos junto con la terapia de grupo, si le sirve.",
        "body": (
            "Muchas personas encuentran en los doce pasos una guía firme. Le ayudamos a "
            "empezar y le ponemos en contacto con reuniones locales y en línea.\n\n"
            "Las reuniones también le acompañan entre una tarde y otra, y cuando el programa "
            "termina."
        ),
    },
    "life-skills": {
        "title": "Habilidades para la vida",
        "summary": "Ayuda práctica con lo cotidiano que puede hacer más difícil la recuperación.",
        "body": (
            "La recuperación ocurre en la vida real. Dedicamos tiempo a lo práctico:\n\n"
            "- manejar el estrés\n"
            "- el dinero y las cuentas\n"
            "- el sueño, las comidas y las rutinas\n"
            "- el trabajo, los estudios y las conversaciones difíciles"
        ),
    },
    "drug-testing": {
        "title": "Pruebas de drogas y responsabilidad",
        "summary": "Las pruebas al azar son parte del programa, como apoyo y no como trampa.",
        "body": (
            "Las pruebas al azar le ayudan a mantener el rumbo y les dan a usted y a su "
            "consejero información honesta. Un resultado positivo es algo que hablamos "
            "juntos, no un motivo para dejar de ayudarle."
        ),
    },
    "medication-assisted-treatment": {
        "title": "Tratamiento asistido con medicamentos (MAT)",
        "summary": (
            "Trabajamos con quien le receta para que medicamento y terapia vayan de la mano."
        ),
        "body": (
            "Para algunas personas, sobre todo con un trastorno por consumo de opioides, el "
            "medicamento junto con la consejería da la mejor oportunidad de una recuperación "
            "duradera. Si un medicamento puede ayudarle, lo coordinamos con un médico y lo "
            "incluimos en su plan.\n\n"
            "Tomar un medicamento recetado para la recuperación es tratamiento. No es "
            "“cambiar una droga por otra”."
        ),
    },
}

FAQ = {
    "can-i-keep-working": {
        "question": "¿Puedo seguir trabajando o estudiando durante el programa?",
        "answer": (
            "Sí, la mayoría de las personas puede. Las sesiones son por la tarde para que "
            "usted conserve su trabajo, sus clases y sus rutinas familiares."
        ),
    },
    "how-long": {
        "question": "¿Cuánto dura el programa?",
        "answer": (
            "La mayoría participa de 8 a 12 semanas. Su consejero revisa con usted cómo va "
            "y la duración se ajusta a lo que necesite."
        ),
    },
    "how-many-hours": {
        "question": "¿Cuántas horas a la semana son?",
        "answer": (
            "Cada sesión dura unas {{ hours-per-session }} horas, {{ days-per-week }} tardes "
            "por semana: unas {{ hours-per-week }} horas semanales. Algunas personas "
            "necesitan más días; eso lo decidimos con usted."
        ),
    },
    "virtual-same": {
        "question": "¿El programa virtual es igual que venir en persona?",
        "answer": (
            "Ofrece la misma atención: sesiones de grupo, individuales y familiares, por "
            "video seguro. Necesita un lugar privado y un teléfono, tableta o computadora "
            "con cámara."
        ),
    },
    "insurance": {
        "question": "¿El seguro cubre el programa?",
        "answer": (
            "Muchos planes de seguro cubren el tratamiento ambulatorio intensivo. Nuestro "
            "equipo de admisiones revisa sus beneficios antes de empezar y le explica "
            "cualquier costo."
        ),
    },
    "detox-first": {
        "question": "¿Necesito desintoxicación antes?",
        "answer": (
            "Algunas personas sí. Si dejar de consumir pudiera ser peligroso para usted, por "
            "ejemplo con el alcohol o ciertos medicamentos, quizá necesite primero una "
            "desintoxicación con supervisión médica. La evaluación ayuda a decidirlo, y le "
            "indicamos un lugar seguro para hacerla."
        ),
    },
    "confidential": {
        "question": "¿Se enterarán mi empleador o mi familia?",
        "answer": (
            "No por nosotros, salvo que usted lo autorice por escrito. La ley federal protege "
            "con mucho rigor la privacidad de los registros de tratamiento de adicciones. "
            "Usted elige con quién podemos hablar."
        ),
    },
    "slip-up": {
        "question": "¿Qué pasa si vuelvo a consumir durante el programa?",
        "answer": (
            "Los tropiezos pasan y no son motivo para que le pidan irse. Cuénteselo a su "
            "consejero. Juntos verán qué ocurrió y ajustarán su plan. Si por un tiempo "
            "necesita más apoyo, hablaremos con franqueza de las opciones."
        ),
    },
    "for-someone-else": {
        "question": "¿Puedo llamar por un ser querido?",
        "answer": (
            "Sí. Muchas llamadas son de familiares y amigos. Le explicamos cómo funciona el "
            "programa y cómo hablar con su ser querido sobre pedir ayuda."
        ),
    },
}

COMPARISON_TABLE = """Table: Cómo se compara el IOP con otros niveles de atención

| Nivel de atención | Horas por semana | Dónde vive | Duración habitual |
|---|---|---|---|
| Consulta externa habitual | De 1 a 2 | En casa | De semanas a meses, según haga falta |
| Programa ambulatorio intensivo (IOP) | De 9 a 15 | En casa | De 8 a 12 semanas |
| Residencial u hospitalario | Atención a toda hora | En el centro | A menudo 4 semanas o más |
"""

PAGES = {
    "home": {
        "title": "Tratamiento de adicciones por la tarde, a la medida de su vida",
        "slug": "inicio",
        "intro": (
            "Nuestro Programa Ambulatorio Intensivo (IOP) se reúne algunas tardes por semana. "
            "Recibe estructura y apoyo de verdad, y cada noche vuelve a su casa."
        ),
        "meta_description": (
            "Programa Ambulatorio Intensivo por la tarde para el consumo de sustancias y la "
            "salud mental. En persona o por video. Admisiones confidenciales, 24/7."
        ),
        "body": (
            "## Lo que ofrecemos\n\n"
            "- Terapia de grupo e individual, {{ days-per-week }} tardes por semana\n"
            "- Un programa presencial y otro virtual por video seguro\n"
            "- Ayuda con el consumo de sustancias, y con la ansiedad, la depresión o el "
            "trauma que suelen acompañarlo\n"
            "- Sesiones familiares, habilidades para la vida y apoyo con medicamentos cuando "
            "ayudan\n\n"
            "No hace falta tenerlo todo claro antes de llamar. Pedir ayuda ya es un buen "
            "primer paso."
        ),
        "sections": [
            (
                "Qué pasa cuando se comunica con nosotros",
                "1. **Llama o nos escribe,** a cualquier hora. Un consejero de admisiones le "
                "escucha. Puede preguntar sin dar su nombre.\n"
                "2. **Hablamos de lo que está pasando** y de si un programa por la tarde le "
                "conviene. Si otro tipo de atención le sirve mejor, se lo decimos y le "
                "ayudamos a encontrarlo.\n"
                "3. **Una evaluación breve y una revisión del seguro;** luego acordamos sus "
                "tardes y la fecha de inicio.\n\n"
                "Llamar no le compromete a nada.",
            ),
        ],
    },
    "what-is-iop": {
        "title": "¿Qué es un Programa Ambulatorio Intensivo?",
        "slug": "que-es-un-iop",
        "nav_label": "Qué es un IOP",
        "intro": (
            "Un tratamiento estructurado para la adicción y la salud mental, mientras sigue "
            "viviendo en su casa."
        ),
        "meta_description": (
            "Qué es un Programa Ambulatorio Intensivo (IOP) y cómo se compara con la terapia "
            "semanal y el tratamiento residencial."
        ),
        "body": (
            "Un Programa Ambulatorio Intensivo, o IOP por sus siglas en inglés, es un "
            "tratamiento para el consumo de sustancias, para problemas de salud mental o "
            "para ambos a la vez. Viene a sus sesiones varias veces por semana y luego "
            "vuelve a casa.\n\n"
            "![](demo-image:circle-of-chairs)\n\n"
            "Está entre otros dos tipos de atención:\n\n"
            "- **La terapia ambulatoria habitual**, por lo general una hora a la semana.\n"
            "- **El tratamiento residencial u hospitalario**, en el que vive en el centro y "
            "la atención continúa día y noche.\n\n" + COMPARISON_TABLE + "\n"
            "Un IOP le da mucho de lo que ofrece un programa residencial, sin mudarse de su "
            "casa. Aun así es un compromiso serio: hay un horario, hay expectativas y se nota "
            "cuando usted falta."
        ),
        "sections": [
            (
                "El consumo de sustancias y la salud mental, juntos",
                "Muchas personas que luchan con el alcohol o las drogas también viven con "
                "ansiedad, depresión o trauma. Se llaman afecciones concurrentes, y una "
                "puede empeorar la otra.\n\n"
                "Nuestro programa atiende ambas. Su consejero le ayuda a entender cómo se "
                "relacionan, y su plan incluye las dos.",
            ),
            (
                "¿Es el nivel de atención adecuado para mí?",
                "Depende de usted. Una evaluación breve con nuestro equipo ayuda a decidirlo. "
                "Si por ahora le conviene más otro nivel de atención, se lo diremos con "
                "sinceridad y le ayudaremos a encontrarlo.",
            ),
        ],
    },
    "schedule": {
        "title": "Horario del programa",
        "slug": "horario",
        "nav_label": "Horario",
        "intro": (
            "Las sesiones son por la tarde, para que pueda seguir trabajando, estudiando y "
            "cuidando de su familia."
        ),
        "meta_description": (
            "Horario del IOP por la tarde: en persona lunes, miércoles y jueves, o por video "
            "martes, jueves y sábado, de 6 a 9 p. m."
        ),
        "body": (
            "Elija el programa que mejor encaje en su vida. Cada uno se reúne "
            "{{ days-per-week }} tardes por semana, unas {{ hours-per-session }} horas cada "
            "vez. La mayoría participa durante {{ weeks }}. Algunas personas necesitan más "
            "días al principio; eso lo decidimos con usted."
        ),
        "sections": [
            (
                "Cómo es una tarde",
                "La mayoría de las tardes empiezan con una breve ronda para ver cómo está "
                "cada uno. Después viene la terapia de grupo, con un descanso. Las sesiones "
                "individuales con su consejero se programan alrededor del grupo.",
            ),
            (
                "Sesiones virtuales",
                "Las sesiones virtuales usan un enlace de video seguro. Necesita un lugar "
                "tranquilo y privado y un teléfono, tableta o computadora con cámara. Las "
                "sesiones individuales y familiares también pueden ser por video.",
            ),
        ],
    },
    "therapies": {
        "title": "Terapias y apoyo",
        "slug": "terapias",
        "nav_label": "Terapias",
        "intro": "Lo que sucede durante el programa y por qué importa cada parte.",
        "meta_description": (
            "Terapia de grupo, consejería individual, programa para familias, 12 pasos, "
            "habilidades para la vida, pruebas de drogas y tratamiento con medicamentos."
        ),
        "body": (
            "Su plan se arma con las partes que verá abajo. La terapia de grupo está en el "
            "centro de cada semana."
        ),
    },
    "who-it-is-for": {
        "title": "Para quién es el programa",
        "slug": "para-quien-es",
        "nav_label": "Para quién es",
        "intro": "Un IOP le sirve a mucha gente, pero no a todos, y no siempre desde el principio.",
        "meta_description": (
            "A quién le conviene un Programa Ambulatorio Intensivo, cómo se decide y cuándo "
            "conviene empezar por la desintoxicación o la atención residencial."
        ),
        "body": (
            "## El programa puede ser para usted si\n\n"
            "- sale de un tratamiento residencial u hospitalario y quiere apoyo constante "
            "al volver al trabajo, los estudios y la casa\n"
            "- tiene un problema de consumo que necesita más que una cita semanal\n"
            "- también vive con ansiedad, depresión, trauma o TEPT\n"
            "- tiene un lugar estable y de apoyo donde vivir: familia, amigos o una vivienda "
            "sobria\n"
            "- tuvo una recaída después de un tratamiento y quiere retomar el camino\n"
            "- ya terminó la desintoxicación, o no necesita una con supervisión médica\n\n"
            "## Cómo lo decidimos juntos\n\n"
            "Una evaluación clínica y médica decide si el programa es adecuado para usted "
            "ahora. Es una conversación, no un examen que se pueda reprobar.\n\n"
            "## Cuando conviene empezar por otro paso\n\n"
            "Si dejar de consumir pudiera hacerle daño físico, quizá necesite primero una "
            "desintoxicación con supervisión médica. Si la adicción es grave, o si otra "
            "afección de salud necesita atención cercana, podemos sugerirle empezar en un "
            "programa residencial. Muchas personas se unen después a un IOP como siguiente "
            "paso."
        ),
    },
    "benefits": {
        "title": "Beneficios de un IOP por la tarde",
        "slug": "beneficios",
        "nav_label": "Beneficios",
        "intro": "Tratamiento de verdad, dentro de su vida de todos los días.",
        "meta_description": (
            "Por qué se elige un Programa Ambulatorio Intensivo: flexibilidad, costo, "
            "comunidad y estructura, y lo que dicen las investigaciones."
        ),
        "body": (
            "## Flexibilidad\n\n"
            "Conserva su trabajo, sus estudios y sus responsabilidades familiares. Duerme en "
            "su propia cama.\n\n"
            "## Costo\n\n"
            "Un IOP suele costar mucho menos que una estancia residencial, y muchos planes de "
            "seguro lo cubren.\n\n"
            "## Comunidad\n\n"
            "La adicción puede aislar mucho. En el grupo conoce a personas que le entienden "
            "sin que tenga que explicarse.\n\n"
            "## Estructura y responsabilidad\n\n"
            "Un horario fijo, un consejero que le conoce y pruebas de drogas al azar le "
            "ayudan a mantener el rumbo. Practica nuevas habilidades en su vida diaria y "
            "trae los momentos difíciles a un lugar seguro.\n\n"
            "## Lo que dicen las investigaciones\n\n"
            "Una revisión de 2014 estudió los programas ambulatorios intensivos para el "
            "consumo de sustancias. Encontró que, para muchas personas, funcionaban más o "
            "menos igual de bien que el tratamiento hospitalario o residencial.\n\n"
            "> McCarty D, Braude L, Lyman DR, et al. *Substance Abuse Intensive Outpatient "
            "Programs: Assessing the Evidence.* Psychiatric Services. 2014;65(6):718-726.\n\n"
            "Las investigaciones describen a grupos de personas, no a usted en particular. "
            "Cada recuperación es distinta y ningún programa puede prometer un resultado. Lo "
            "que sí le prometemos es tomarle en serio y ayudarle a encontrar la atención "
            "adecuada."
        ),
    },
    "admissions": {
        "title": "Cómo funcionan las admisiones",
        "slug": "admisiones",
        "nav_label": "Admisiones",
        "intro": "Comunicarse con nosotros es confidencial y gratuito, y no le compromete a nada.",
        "meta_description": (
            "Qué pasa después de contactarnos: una llamada confidencial, una evaluación, la "
            "revisión del seguro y una fecha de inicio."
        ),
        "body": (
            "## Qué pasa después de comunicarse\n\n"
            "1. **Una conversación confidencial.** Llámenos al {{ phone }} a cualquier hora, "
            "o escríbanos con el formulario en línea. Un consejero de admisiones le escucha "
            "y le hace algunas preguntas sobre lo que está pasando.\n"
            "2. **Una recomendación.** Si el IOP parece adecuado, se lo decimos. Si la "
            "desintoxicación, la atención residencial o la terapia semanal le convienen "
            "más, también se lo decimos y le ayudamos a encontrarlas.\n"
            "3. **Una evaluación.** Una evaluación clínica y médica confirma que el programa "
            "es seguro y adecuado para usted.\n"
            "4. **Su horario.** Acordamos su programa, sus tardes y la fecha de inicio.\n\n"
            "## Seguro y costos\n\n"
            "Muchos planes de seguro cubren el tratamiento ambulatorio intensivo. Revisamos "
            "sus beneficios antes de empezar y le explicamos los costos con números claros. "
            "Si no tiene seguro, pregúntenos por otras opciones.\n\n"
            "## Qué traer a su evaluación\n\n"
            "- una identificación con foto\n"
            "- su tarjeta del seguro, si tiene\n"
            "- una lista de los medicamentos que toma, con las dosis\n"
            "- los nombres de los médicos o terapeutas que le atienden\n\n"
            "## Empiece hoy\n\n"
            "[Envíenos un mensaje confidencial](/es/contacto/) o llámenos. También puede "
            "preguntar en nombre de un ser querido."
        ),
    },
    "faq": {
        "title": "Preguntas y respuestas",
        "slug": "preguntas",
        "nav_label": "Preguntas",
        "intro": (
            "Respuestas breves a lo que más nos preguntan. Si no encuentra la suya, llámenos."
        ),
        "meta_description": (
            "Respuestas sobre trabajar durante el tratamiento, la duración, las sesiones "
            "virtuales, el seguro, la desintoxicación y la privacidad."
        ),
        "body": "",
    },
    "privacy": {
        "title": "Aviso de privacidad del sitio web",
        "slug": "privacidad",
        "intro": "Qué datos recogemos, para qué, quién los ve y cuánto tiempo los guardamos.",
        "meta_description": (
            "Cómo trata Harbor Light Recovery lo que usted nos cuenta a través de este sitio "
            "web y del formulario de consulta."
        ),
        "body": (
            "## En pocas palabras\n\n"
            "- Este sitio no tiene rastreadores, publicidad ni herramientas de análisis.\n"
            "- Lo que escribe en el formulario de consulta se guarda en nuestra propia base "
            "de datos y solo lo lee nuestro personal de admisiones.\n"
            "- Nunca enviamos por correo electrónico lo que usted escribió.\n"
            "- No vendemos ni compartimos su información.\n\n"
            "## Qué recoge el formulario de consulta\n\n"
            "Solo lo necesario para llamarle o escribirle:\n\n"
            "- si pregunta por usted o por otra persona\n"
            "- un nombre de pila, o el nombre que prefiera\n"
            "- un número de teléfono o un correo electrónico, o los dos\n"
            "- cómo y cuándo prefiere que le contactemos, y si podemos dejarle un mensaje "
            "de voz o enviarle mensajes de texto\n"
            "- el programa que le interesa y, si quiere, el nombre de su compañía de "
            "seguros y cómo supo de nosotros\n"
            "- un mensaje, si desea escribirlo\n"
            "- su consentimiento para que le contactemos y la hora en que envió el "
            "formulario\n"
            "- si llegó desde otro sitio web o un enlace publicitario, cuál fue (vea más "
            "abajo)\n\n"
            "Por favor, no escriba detalles médicos ni números de afiliado del seguro. Le "
            "pediremos lo necesario cuando hablemos.\n\n"
            "## Dónde se guarda y quién lo ve\n\n"
            "Su consulta se guarda en la base de datos de la propia clínica. Solo pueden "
            "verla el personal de admisiones, que la necesita para ayudarle, y los pocos "
            "administradores que mantienen el sistema. Cada persona entra con su propia "
            "cuenta. Cuando llega una consulta nueva, el personal recibe un aviso breve "
            "con un número de referencia, nunca con lo que usted escribió.\n\n"
            "## Cuánto tiempo lo guardamos\n\n"
            "Borramos la consulta, con nuestras notas sobre ella, 12 meses después de "
            "cerrarla. Si usted pasa a ser paciente, lo necesario para su atención pasa a "
            "su expediente confidencial de tratamiento, que conservamos como exige la "
            "ley.\n\n"
            "## Su privacidad y la ley\n\n"
            "Dos leyes de los Estados Unidos le protegen. **HIPAA** protege la información "
            "de salud en general. **42 CFR Part 2** protege aún más los registros del "
            "tratamiento por consumo de sustancias. Dicho de forma sencilla: no podemos "
            "contarle a nadie, ni a su empleador, ni a su familia, ni a la policía, que "
            "usted nos contactó o que está en tratamiento sin su permiso por escrito, salvo "
            "en los pocos casos que la ley permite, como una emergencia médica.\n\n"
            "Cuando ya está en tratamiento con nosotros, nuestro [Aviso de prácticas de "
            "privacidad](/es/aviso-de-practicas-de-privacidad/) explica en detalle cómo "
            "usamos y protegemos su información de salud, y cuáles son sus derechos.\n\n"
            "## Este sitio web\n\n"
            "El sitio no tiene rastreadores, publicidad ni herramientas de análisis. No "
            "carga nada de otras empresas: ni fuentes, ni mapas, ni videos, ni píxeles de "
            "seguimiento.\n\n"
            "Usa como máximo dos cookies pequeñas propias:\n\n"
            "- una cookie de seguridad que protege el formulario contra envíos "
            "falsificados\n"
            "- si llegó desde otro sitio web o un enlace publicitario, una cookie que "
            "recuerda durante 30 días qué sitio o campaña le trajo. Si envía una consulta, "
            "ese dato se guarda con ella, para saber cómo nos encuentra la gente, y la "
            "cookie se borra. Nunca se comparte con nadie.\n\n"
            "Nuestro servidor guarda registros técnicos breves (como la página pedida y la "
            "hora) para que el sitio funcione y sea seguro. Nunca contienen lo que usted "
            "escribió en el formulario.\n\n"
            "## Sus opciones\n\n"
            "Puede pedirnos ver, corregir o borrar su consulta. Llame a admisiones y le "
            "ayudaremos. También puede comunicarse con nosotros sin el formulario, por "
            "teléfono, a cualquier hora."
        ),
    },
    "privacy-practices": {
        "title": "Aviso de prácticas de privacidad",
        "slug": "aviso-de-practicas-de-privacidad",
        "intro": (
            "Cómo podemos usar y compartir su información de salud, qué derechos tiene usted "
            "sobre ella y cómo presentar una queja si cree que nos equivocamos. Le pedimos que "
            "lo lea con atención."
        ),
        "meta_description": (
            "Aviso de prácticas de privacidad (HIPAA) de Harbor Light Recovery, con el aviso "
            "federal de confidencialidad del tratamiento de adicciones (42 CFR Part 2)."
        ),
        "body": (
            "Este aviso trata de la información de salud que guardamos sobre usted como "
            "paciente de nuestros programas: sus registros de tratamiento, los resultados de "
            "sus evaluaciones y pruebas, y sus registros de facturación. El aviso de "
            "privacidad del sitio web, sobre lo que recogen este sitio y su formulario de "
            "consulta, está en [otra página](/es/privacidad/).\n\n"
            "**Fecha de entrada en vigor:** 1 de diciembre de 2026\n\n"
            "## Dos leyes le protegen\n\n"
            "- **HIPAA**, la ley federal de privacidad de la salud, protege toda su "
            "información de salud.\n"
            "- **42 CFR Part 2**, una norma federal para los programas de tratamiento por "
            "consumo de sustancias, protege aún más los registros de ese tratamiento. Cuando "
            "las dos dicen cosas distintas, seguimos la más estricta.\n\n"
            "## Confidencialidad de los registros de tratamiento por consumo de sustancias "
            "(42 CFR Part 2)\n\n"
            "La ley federal protege la confidencialidad de sus registros de nuestro programa "
            "de tratamiento por consumo de sustancias. Por regla general, no podemos decirle a "
            "nadie fuera del programa que usted es paciente aquí, ni compartir nada que "
            "muestre que tiene o tuvo un trastorno por consumo de sustancias, salvo que:\n\n"
            "- usted lo autorice por escrito, en un formulario de consentimiento que diga "
            "quién puede recibir qué información y para qué; o\n"
            "- la norma federal lo permita sin su consentimiento, por ejemplo: para informar "
            "al personal médico en una emergencia médica; para ciertas investigaciones y "
            "auditorías, con estrictas medidas de protección; para denunciar una sospecha de "
            "abuso o negligencia infantil, como exige la ley del estado; o por una orden "
            "judicial que cumpla las condiciones especiales de la norma.\n\n"
            "Sus registros no pueden usarse para presentar cargos penales contra usted, ni "
            "para investigarle, sin su consentimiento o una orden judicial que cumpla las "
            "condiciones de la norma. La norma no protege la información sobre un delito "
            "cometido en nuestras instalaciones o contra nuestro personal, ni las amenazas de "
            "cometerlo.\n\n"
            "Si cree que hemos incumplido esta norma, puede denunciarlo ante el Departamento "
            "de Salud y Servicios Humanos de los Estados Unidos (vea “Cómo presentar una "
            "queja” más abajo). Hacerlo nunca afectará su atención.\n\n"
            "## Cómo podemos usar y compartir su información de salud\n\n"
            "- **Para su tratamiento:** dentro de nuestro equipo de atención, para que su "
            "consejero, su terapeuta y quien le receta puedan trabajar juntos. Para "
            "compartirla con un profesional de fuera del programa necesitamos su "
            "consentimiento por escrito.\n"
            "- **Para el pago:** para facturar a su seguro, con su consentimiento por escrito "
            "cuando se trata de registros del tratamiento por consumo de sustancias.\n"
            "- **Para el funcionamiento del programa:** para revisar la calidad de nuestra "
            "atención, formar al personal y cumplir los requisitos de nuestra licencia, solo "
            "con la información que cada tarea necesita.\n"
            "- **Cuando la ley lo exige:** por ejemplo, para denunciar una sospecha de abuso "
            "infantil o para evitar una amenaza grave e inminente para la salud o la "
            "seguridad de alguien, siempre dentro de los límites descritos arriba.\n\n"
            "Cualquier otro uso, incluida la publicidad, necesita su permiso por escrito. "
            "Nunca vendemos su información de salud. Puede retirar un consentimiento por "
            "escrito en cualquier momento, salvo en lo que ya hayamos hecho basándonos en "
            "él.\n\n"
            "## Sus derechos\n\n"
            "Usted tiene derecho a:\n\n"
            "- **ver sus registros de salud y recibir una copia**, en papel o en formato "
            "electrónico;\n"
            "- **pedirnos que corrijamos** la información que crea equivocada o incompleta;\n"
            "- **recibir una lista de divulgaciones:** con quién compartimos su información, "
            "cuándo y por qué, durante los últimos seis años;\n"
            "- **pedirnos que limitemos** lo que usamos o compartimos. Estudiaremos cada "
            "solicitud; si usted paga un servicio por completo de su bolsillo, puede pedirnos "
            "que no se lo comuniquemos a su plan de salud, y lo aceptaremos;\n"
            "- **pedirnos que nos comuniquemos con usted de forma confidencial:** en otra "
            "dirección o número de teléfono, o solo de ciertas maneras. Aceptaremos cualquier "
            "solicitud razonable;\n"
            "- **recibir una copia en papel de este aviso** en cualquier momento, aunque haya "
            "aceptado recibirlo por vía electrónica;\n"
            "- **elegir a alguien que actúe en su nombre,** como un tutor legal o una persona "
            "a quien usted haya dado un poder legal.\n\n"
            "Para ejercer cualquiera de estos derechos, hable con su consejero o comuníquese "
            "con nuestro responsable de privacidad (vea abajo). No le cuesta nada, salvo un "
            "cargo razonable por las copias adicionales.\n\n"
            "## Nuestras obligaciones\n\n"
            "- Debemos mantener su información de salud privada y segura, como exige la "
            "ley.\n"
            "- Debemos entregarle este aviso y cumplirlo.\n"
            "- Le avisaremos sin demora si una violación de la seguridad pudo haber expuesto "
            "su información.\n"
            "- Podemos cambiar este aviso. La nueva versión se aplicará a toda la información "
            "que tengamos, y la publicaremos aquí y en nuestra clínica con su fecha de entrada "
            "en vigor.\n\n"
            "## Cómo presentar una queja\n\n"
            "Si cree que no se han respetado sus derechos de privacidad, puede presentar una "
            "queja:\n\n"
            "- **ante nosotros**, hablando con nuestro responsable de privacidad (vea abajo); "
            "y\n"
            "- **ante la Oficina de Derechos Civiles del Departamento de Salud y Servicios "
            "Humanos de los Estados Unidos**, en línea en "
            "[hhs.gov/ocr/complaints](https://www.hhs.gov/ocr/complaints/index.html), por "
            "teléfono al 1-800-368-1019 (TDD 1-800-537-7697) o por correo a 200 Independence "
            "Avenue SW, Washington, DC 20201.\n\n"
            "Nunca tomaremos represalias por una queja ni le trataremos de otra manera por "
            "haberla presentado.\n\n"
            "## Nuestro responsable de privacidad\n\n"
            "Responsable de privacidad, Harbor Light Recovery  \n"
            "200 Lantern Way, Suite 3, Bayport, OR 97000  \n"
            "Teléfono: (555) 010-0199, cualquier día y a cualquier hora; pida hablar con el "
            "responsable de privacidad."
        ),
    },
    "terms": {
        "title": "Condiciones de uso",
        "slug": "condiciones",
        "intro": "Las reglas sencillas para usar este sitio web.",
        "meta_description": "Las condiciones para usar el sitio web de Harbor Light Recovery.",
        "body": (
            "## Información, no consejo médico\n\n"
            "Este sitio explica nuestro programa en términos generales. No es un consejo "
            "médico y no sustituye la evaluación de un profesional calificado.\n\n"
            "## En una emergencia\n\n"
            "No use el formulario de consulta en una emergencia. Llame al 911. Si está "
            "pensando en el suicidio o está en crisis, llame al 988 y oprima 2 para hablar "
            "en español, o envíe la palabra AYUDA por mensaje de texto al 988.\n\n"
            "## Sin promesas de resultados\n\n"
            "Cada recuperación es distinta. Nada de este sitio promete un resultado "
            "concreto.\n\n"
            "## El formulario de consulta\n\n"
            "Por favor, dé información verdadera, y solo sobre usted o sobre alguien que "
            "sabe que nos está contactando. Enviar el formulario no le convierte en "
            "paciente ni crea una relación de tratamiento.\n\n"
            "## Enlaces a otros sitios\n\n"
            "A veces enlazamos a otras organizaciones, como las líneas de crisis. No somos "
            "responsables de su contenido.\n\n"
            "## Cambios\n\n"
            "Podemos actualizar estas condiciones. La fecha al pie muestra la versión más "
            "reciente."
        ),
    },
    "accessibility": {
        "title": "Declaración de accesibilidad",
        "slug": "accesibilidad",
        "intro": (
            "Queremos que todas las personas puedan usar este sitio, con el dispositivo o "
            "la ayuda que utilicen."
        ),
        "meta_description": (
            "El compromiso de Harbor Light Recovery con un sitio web accesible, y cómo "
            "avisarnos de un problema."
        ),
        "body": (
            "## Nuestro objetivo\n\n"
            "Buscamos cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 "
            "en el nivel AA.\n\n"
            "## Lo que hacemos\n\n"
            "- Todas las páginas funcionan solo con el teclado y con lectores de pantalla.\n"
            "- Todas las páginas funcionan sin JavaScript.\n"
            "- El texto se puede agrandar, y las páginas caben en pantallas de teléfono "
            "pequeñas sin desplazarse hacia los lados.\n"
            "- Los colores se eligen con un contraste alto.\n"
            "- Los formularios explican con claridad qué salió mal y cómo corregirlo.\n\n"
            "## Límites conocidos\n\n"
            "Revisamos nuestras páginas con frecuencia, pero algo se nos puede escapar. Si "
            "algo le resulta difícil de usar, nos toca a nosotros arreglarlo, no a "
            "usted.\n\n"
            "## Avísenos de un problema\n\n"
            "Llame a admisiones al {{ phone }} a cualquier hora y díganos en qué página y "
            "qué salió mal. También puede usar nuestro formulario de contacto. Le "
            "responderemos y podemos darle la información que necesite de otra forma, por "
            "ejemplo por teléfono."
        ),
    },
}

TOPICS = {
    "about-iop": {
        "name": "Entender el IOP",
        "slug": "entender-el-iop",
        "description": "Qué es un programa ambulatorio intensivo y cómo se organiza.",
    },
    "getting-started": {
        "name": "Primeros pasos",
        "slug": "primeros-pasos",
        "description": "Si el programa le conviene y cómo son los primeros pasos.",
    },
    "therapy": {
        "name": "Terapia y recuperación",
        "slug": "terapia-y-recuperacion",
        "description": "Los grupos, las sesiones y el apoyo que forman una tarde del programa.",
    },
    "family": {
        "name": "Para familias",
        "slug": "familias",
        "description": "Para padres, parejas y amigos preocupados por un ser querido.",
    },
    "virtual-care": {
        "name": "Atención virtual",
        "slug": "atencion-virtual",
        "description": "Participar en el programa por video seguro desde casa.",
    },
    "medication": {
        "name": "Medicamentos y tratamiento",
        "slug": "medicamentos",
        "description": (
            "Cómo los medicamentos para los trastornos por consumo acompañan a la consejería."
        ),
    },
    "research": {
        "name": "Lo que dicen las investigaciones",
        "slug": "investigaciones",
        "description": (
            "Los estudios detrás de la atención ambulatoria intensiva, explicados con sencillez."
        ),
    },
}

PEOPLE = {
    "dana-reyes": {
        "job_title": "Directora clínica",
        "bio": (
            "Dana dirige el equipo clínico y supervisa cada plan de tratamiento del programa "
            "de la tarde. Lleva dieciocho años en servicios comunitarios de adicciones: "
            "primero como consejera de grupo y después al frente de programas ambulatorios.\n\n"
            "Lo que más le importa es que las primeras semanas se sientan posibles, y todavía "
            "dirige un grupo de la tarde cada semana."
        ),
    },
    "marcus-hale": {
        "job_title": "Director médico",
        "bio": (
            "El Dr. Hale está certificado en medicina de las adicciones. Atiende a cada "
            "paciente nuevo que podría beneficiarse de un medicamento, trabaja con su médico "
            "de cabecera y revisa la parte médica de cada plan.\n\n"
            "Antes de llegar a la clínica pasó diez años en el servicio de consulta de "
            "adicciones de un hospital."
        ),
    },
    "priya-nandakumar": {
        "job_title": "Enfermera practicante psiquiátrica",
        "bio": (
            "Priya atiende la parte de salud mental del tratamiento: la ansiedad, el ánimo "
            "bajo, el sueño y los síntomas de trauma que a menudo acompañan al consumo. "
            "Receta y ajusta medicamentos psiquiátricos y ve a los pacientes en persona o por "
            "video."
        ),
    },
    "jordan-whitaker": {
        "job_title": "Terapeuta principal de grupo",
        "bio": (
            "Jordan dirige los grupos presenciales de la tarde y forma a los nuevos "
            "consejeros. Sus grupos se centran en lo práctico: manejar los antojos, "
            "prepararse para los días difíciles y decir que no sin perder a los amigos.\n\n"
            "Él mismo lleva muchos años en recuperación y lo cuenta cuando ayuda."
        ),
    },
    "elena-brooks": {
        "job_title": "Terapeuta familiar",
        "bio": (
            "Elena trabaja con las familias y parejas de quienes están en el programa, en "
            "las sesiones familiares y en la tarde mensual para seres queridos. También "
            "dirige el grupo de los martes del programa virtual."
        ),
    },
    "sam-okafor": {
        "job_title": "Consejero de admisiones",
        "bio": (
            "Sam suele ser la primera voz que se oye al llamar. Escucha, explica las "
            "opciones, revisa los beneficios del seguro y, cuando el programa de la tarde "
            "no es lo adecuado, ayuda a encontrar un lugar que sí lo sea."
        ),
    },
}

# By the picture's short name (demo_images.PICTURES): its Spanish text alternative.
PICTURES = {
    "harbor-light": (
        "Ilustración de un faro sobre un cabo al atardecer, con el sol bajo sobre un mar en calma."
    ),
    "circle-of-chairs": (
        "Ilustración de unas sillas en círculo alrededor de una mesa baja, en una sala cálida."
    ),
    "evening-path": (
        "Ilustración de un camino entre colinas verdes que lleva a una casa con una ventana "
        "iluminada al atardecer."
    ),
    "home-together": (
        "Ilustración de una casa pequeña con ventanas iluminadas, un árbol y un banco."
    ),
    "video-call": (
        "Ilustración de una computadora portátil sobre una mesa con una videollamada de "
        "cuatro personas y una taza al lado."
    ),
}

ARTICLES = {
    "what-is-an-iop": {
        "title": "Qué es un programa ambulatorio intensivo y cómo se compara",
        "slug": "que-es-un-programa-ambulatorio-intensivo",
        "summary": (
            "Un IOP le da varias horas de tratamiento por semana mientras vive en casa. Así "
            "se sitúa entre la terapia semanal y la atención residencial."
        ),
        "body": (
            "Un programa ambulatorio intensivo, que solemos llamar IOP por sus siglas en "
            "inglés, es un tratamiento estructurado para un trastorno por consumo de "
            "sustancias, un problema de salud mental o ambos a la vez. La palabra clave es "
            "*ambulatorio*: duerme en su cama y viene al tratamiento, en lugar de vivir en "
            "él.\n\n"
            "## Tres niveles de atención\n\n"
            "Ayuda imaginar el tratamiento como una escalera con varios peldaños.\n\n"
            "- **La atención ambulatoria habitual** es lo que casi todos imaginan como "
            "terapia: una hora con un consejero cada semana.\n"
            "- **Un IOP** es un gran paso en tiempo y en estructura. Las sesiones suelen "
            "durar unas tres horas, de tres a cinco días por semana, durante unas ocho a "
            "doce semanas.\n"
            "- **La atención residencial u hospitalaria** significa vivir en un centro de "
            "tratamiento, con personal a toda hora.\n\n"
            "Un IOP ofrece mucho de lo que da un programa residencial (terapia de grupo, "
            "consejería individual, trabajo con la familia, educación sobre la adicción) "
            "sin pedirle que deje su trabajo, sus clases o a sus hijos.\n\n"
            "## Estructurado, no informal\n\n"
            "Vivir en casa no hace que un IOP sea flojo. Hay un horario que cumplir, un plan "
            "acordado con su consejero y revisiones frecuentes, que pueden incluir pruebas "
            "de drogas. Muchas personas dicen que justo la estructura fue lo que les ayudó: "
            "llena las tardes que antes eran la parte más difícil del día.\n\n"
            "## Cuántos días asiste\n\n"
            "El número de sesiones por semana depende de lo que necesite. Quien acaba de "
            "salir de un programa residencial puede empezar con más días e ir bajando; quien "
            "viene de la terapia semanal quizá necesite menos. Su consejero lo revisa con "
            "usted sobre la marcha.\n\n"
            "## Saber si le conviene\n\n"
            "El primer paso suele ser una conversación breve y confidencial con admisiones. "
            "Si un IOP no es el peldaño adecuado para usted ahora, se lo dirán y le "
            "ayudarán a encontrar el que sí lo es."
        ),
    },
    "who-an-iop-suits": {
        "title": (
            "A quién le conviene un IOP: al empezar, al salir de un residencial o al volver "
            "a empezar"
        ),
        "slug": "a-quien-le-conviene-un-iop",
        "summary": (
            "Las personas llegan a un programa por la tarde desde lugares muy distintos. "
            "Estas son las situaciones en las que suele encajar mejor, y cuándo quizá no."
        ),
        "body": (
            "No hay un solo tipo de persona para un programa ambulatorio intensivo. Aun así, "
            "algunas situaciones se repiten una y otra vez cuando nos llaman.\n\n"
            "## Al salir de un tratamiento residencial\n\n"
            "Dejar un programa residencial es un cambio grande. Pasar de un apoyo de 24 "
            "horas a una hora por semana puede sentirse como un salto al vacío. Un IOP "
            "mantiene varias tardes de estructura mientras vuelve al trabajo, a los estudios "
            "y a la vida en casa, para que lo aprendido se ponga a prueba en la vida real "
            "con apoyo cerca.\n\n"
            "## Cuando la terapia semanal no alcanza\n\n"
            "Algunas personas empiezan con un consejero una vez por semana y ven que no les "
            "sostiene entre sesiones. Un problema de consumo moderado suele necesitar más "
            "tiempo y más gente alrededor que una sola hora semanal.\n\n"
            "## Después de una recaída\n\n"
            "Volver a consumir después de un tiempo de recuperación es frecuente, y no borra "
            "lo aprendido. Muchas personas usan un IOP para retomar el camino pronto, sin "
            "empezar desde cero.\n\n"
            "## Otras cosas que ayudan\n\n"
            "- Un hogar razonablemente estable y de apoyo: familia, amigos, una pareja o una "
            "vivienda sobria.\n"
            "- Haber terminado la desintoxicación, o no necesitar una abstinencia con "
            "supervisión médica.\n"
            "- La ansiedad, la depresión o el trauma junto con el consumo no son un "
            "obstáculo: los tratamos a la vez.\n\n"
            "## Cuándo conviene empezar por otro nivel de atención\n\n"
            "Lo decide una evaluación clínica y médica, no una lista de requisitos. Si la "
            "abstinencia pudiera ser peligrosa, o si su salud o su seguridad necesitan "
            "atención a toda hora, quizá le recomendemos empezar con una desintoxicación "
            "o un programa residencial y unirse después al programa de la tarde. Es un "
            "plan, no un rechazo."
        ),
    },
    "why-group-therapy": {
        "title": "Por qué la terapia de grupo está en el centro de un IOP",
        "slug": "por-que-la-terapia-de-grupo",
        "summary": (
            "Casi toda la tarde del programa transcurre en grupo. Esto es lo que pasa allí, "
            "y por qué funciona mejor de lo que muchos esperan."
        ),
        "body": (
            "Si pregunta a las personas qué temían más antes de su primera tarde, muchas le "
            "darán la misma respuesta: el grupo. Si les pregunta un mes después qué les "
            "ayudó más, muchas volverán a decir lo mismo.\n\n"
            "## Qué es, en realidad, un grupo\n\n"
            "Un grupo reúne a entre ocho y doce personas con un consejero con licencia, a la "
            "misma hora cada semana. Todas están lidiando de alguna forma con el consumo de "
            "sustancias. El consejero cuida que la conversación sea segura y no se desvíe; a "
            "nadie se le pone en aprietos, y usted puede limitarse a escuchar todo el tiempo "
            "que necesite.\n\n"
            "## Por qué ayuda\n\n"
            "- **Ya no es la única persona.** La vergüenza crece en el aislamiento. Oír a "
            "alguien describir justo el pensamiento que usted ha estado ocultando le quita "
            "parte de su fuerza.\n"
            "- **Se practica, no solo se habla.** En el grupo se ensayan situaciones reales: "
            "qué decir cuando un compañero de trabajo le ofrece una copa, cómo pasar la tarde "
            "del día de pago, qué hacer en los primeros diez minutos de un antojo.\n"
            "- **Los demás se dan cuenta.** A menudo, los miembros del grupo ven una señal de "
            "alerta en otra persona antes de que ella misma la vea.\n"
            "- **Nacen relaciones.** Para muchas personas, el grupo se convierte en el primer "
            "círculo de amistades sobrias que tienen en años.\n\n"
            "## Temas habituales\n\n"
            "A lo largo de unas semanas, los grupos tratan estrategias para afrontar las "
            "dificultades, la prevención de recaídas, el manejo de las emociones difíciles, "
            "cómo recuperar la confianza y habilidades de todos los días, como manejar el "
            "estrés, el dinero y las rutinas.\n\n"
            "## El grupo no lo es todo\n\n"
            "Cada persona tiene también sesiones individuales con su propio consejero: para "
            "trabajar lo que es demasiado personal para el grupo, para mirar traumas del "
            "pasado y para escribir un plan de prevención de recaídas que sea suyo."
        ),
    },
    "twelve-steps-alongside-therapy": {
        "title": "Cómo encajan los 12 pasos junto con la terapia",
        "slug": "los-12-pasos-junto-con-la-terapia",
        "summary": (
            "Las reuniones de 12 pasos y el tratamiento profesional son cosas distintas que "
            "pueden apoyarse entre sí. Así las combinamos en nuestro programa."
        ),
        "body": (
            "A veces nos preguntan si hay que elegir entre una comunidad de 12 pasos y el "
            "tratamiento. No hace falta. Cumplen funciones distintas, y a muchas personas les "
            "funcionan bien las dos a la vez.\n\n"
            "## Lo que ofrece cada uno\n\n"
            "El tratamiento en un IOP lo dirigen profesionales con licencia. Dura un tiempo "
            "limitado, se organiza en torno a un plan individual y puede atender la salud "
            "mental, los medicamentos y los asuntos familiares.\n\n"
            "Los grupos de 12 pasos, como Alcohólicos Anónimos o Narcóticos Anónimos, los "
            "llevan sus propios miembros. Son gratuitos, se reúnen todos los días de la "
            "semana en la mayoría de las ciudades y siguen ahí mucho después de que termina "
            "un programa. Sus pasos piden a cada miembro ser honesto sobre el problema, hacer "
            "un balance de su vida, reparar el daño causado y ayudar a otros.\n\n"
            "## Cómo los unimos\n\n"
            "En el programa, trabajar los pasos se ofrece junto con la terapia de grupo, no "
            "en su lugar. Los consejeros pueden repasar un paso en las sesiones individuales, "
            "y muchos participantes van a una reunión las tardes que no están con nosotros. "
            "Tener un padrino o una madrina y un grupo base suma responsabilidad entre una "
            "sesión y otra.\n\n"
            "## Si los 12 pasos no son para usted\n\n"
            "A algunas personas no les convence el lenguaje espiritual de los pasos. No pasa "
            "nada. Hay otros grupos de ayuda mutua con un enfoque distinto, y su consejero "
            "puede indicarle cuáles. Lo que más importa es tener cerca a personas que apoyen "
            "su recuperación cuando el programa termine."
        ),
    },
    "helping-someone-you-love": {
        "title": "Cuando un ser querido consume: cómo ayudarle sin dejar de cuidarse",
        "slug": "cuando-un-ser-querido-consume",
        "summary": (
            "Ver a su pareja, a su padre, a su madre o a un hijo luchar con las drogas o el "
            "alcohol agota. Pasos prácticos que le ayudan a esa persona, y a usted."
        ),
        "body": (
            "Si lee esto por otra persona, es probable que arrastre cansancio y "
            "preocupación, y que dude de que algo de lo que hace sirva. Sí sirve, aunque no "
            "siempre de la manera que uno espera.\n\n"
            "## Elija el momento\n\n"
            "Hable cuando la persona esté sobria y usted esté en calma, no en medio de una "
            "crisis o de una discusión. Cuente lo que ha visto y cómo le afecta, con "
            "momentos concretos en lugar de etiquetas: “Me asusté cuando volviste manejando "
            "a casa el viernes pasado” llega mejor que “eres un adicto”.\n\n"
            "## Ofrezca un siguiente paso, no un ultimátum\n\n"
            "Tenga lista una opción concreta, como un número de teléfono o una cita a la que "
            "podrían ir juntos. Muchas personas llaman a admisiones con su ser querido "
            "sentado al lado. Si hoy la respuesta es no, el ofrecimiento cuenta igual: a "
            "menudo la persona vuelve a él semanas después.\n\n"
            "## Menos rescates, el mismo cariño\n\n"
            "Es natural encubrir a alguien: llamar a su jefe, pagar una deuda, limpiar lo "
            "que dejó. Con el tiempo, eso puede mantener el problema fuera de la vista. Dejar "
            "que las consecuencias lleguen no es abandonar a nadie, y puede hacerlo mientras "
            "le sigue diciendo con claridad que le quiere.\n\n"
            "## Cuídese también\n\n"
            "- Busque su propio apoyo: un grupo para familias, un consejero o una amistad que "
            "le escuche sin juzgar.\n"
            "- Mantenga sus rutinas y sus horas de sueño en lo posible.\n"
            "- Decida de antemano qué hará si siente que corre peligro, y a quién "
            "llamará.\n\n"
            "## La familia en el programa\n\n"
            "Cuando alguien entra en nuestro programa por la tarde, su familia puede "
            "participar en sesiones familiares y en una tarde mensual para seres queridos. "
            "Allí las familias aprenden a ver la adicción como un problema de salud, a "
            "recuperar la confianza poco a poco y a apoyar la recuperación en casa.\n\n"
            "Si alguna vez teme por la vida de alguien, llame al 911. Ante una crisis o "
            "pensamientos de suicidio, llame al 988 y oprima 2 para hablar en español, o "
            "envíe la palabra AYUDA por mensaje de texto al 988."
        ),
    },
    "virtual-iop-at-home": {
        "title": "IOP virtual: cómo es una sesión por video y cómo cuidar su privacidad en casa",
        "slug": "iop-virtual-desde-casa",
        "summary": (
            "El programa virtual lleva los mismos grupos y la misma consejería a su pantalla. "
            "Qué esperar y cómo encontrar un rincón privado en casa."
        ),
        "body": (
            "La atención ambulatoria intensiva virtual se volvió común durante la pandemia "
            "de Covid-19, y se ha quedado porque a muchas personas les funciona: a quienes "
            "viven lejos de la clínica, trabajan hasta tarde, no tienen carro o cuidan de "
            "alguien en casa.\n\n"
            "## Cómo es una tarde\n\n"
            "Usted entra en un enlace de video seguro unos minutos antes de las seis. El "
            "grupo es pequeño, lo dirige un consejero con licencia y sigue el mismo plan que "
            "los grupos presenciales: una ronda para ver cómo está cada uno, una habilidad o "
            "un tema para la tarde y tiempo para hablar de la semana. Las sesiones "
            "individuales y familiares también son por video, en los horarios que acuerde "
            "con su consejero.\n\n"
            "## Cómo cuidar su privacidad\n\n"
            "- Si puede, busque una habitación con puerta. También sirve un carro "
            "estacionado o un rincón tranquilo con audífonos.\n"
            "- Use audífonos, para que las demás personas de la casa solo oigan lo que dice "
            "usted.\n"
            "- Si es seguro hacerlo, diga a quienes viven con usted cuándo son sus sesiones y "
            "pídales que no le interrumpan.\n"
            "- Nunca grabe una sesión, y no comparta el enlace.\n"
            "- Si alguien entra, puede apagar la cámara y el micrófono en cualquier momento. "
            "Su consejero lo entenderá.\n\n"
            "## Las mismas reglas, la misma atención\n\n"
            "Quienes participan por video aceptan el mismo plan y las mismas revisiones que "
            "los demás, y las mismas leyes de privacidad protegen lo que se dice. Lo que se "
            "comparte en el grupo se queda en el grupo.\n\n"
            "## Lo que necesita\n\n"
            "Un teléfono, tableta o computadora con cámara y una conexión a internet "
            "razonablemente estable. Si tiene dudas de que su equipo funcione, admisiones "
            "puede probar el enlace con usted antes de su primera tarde."
        ),
    },
    "what-the-research-says": {
        "title": "Lo que dicen las investigaciones sobre los programas ambulatorios intensivos",
        "slug": "lo-que-dicen-las-investigaciones",
        "summary": (
            "Una revisión cuidadosa de los estudios halló que, para muchas personas, un IOP "
            "funciona más o menos igual que la atención residencial. Qué significa y qué no."
        ),
        "body": (
            "Cuando está decidiendo dónde pedir ayuda, es lógico preguntarse si un programa "
            "por la tarde es un tratamiento de verdad o una opción más ligera. Los "
            "investigadores se han hecho la misma pregunta.\n\n"
            "## La revisión de 2014\n\n"
            "En 2014, un equipo de investigadores dirigido por Dennis McCarty publicó en la "
            "revista *Psychiatric Services* una revisión de los estudios sobre los programas "
            "ambulatorios intensivos para el consumo de sustancias. Analizaron los estudios "
            "que comparaban los IOP con el tratamiento hospitalario y el residencial.\n\n"
            "Su conclusión general fue que, para muchas personas, el tratamiento ambulatorio "
            "intensivo daba resultados comparables a los de la atención hospitalaria o "
            "residencial: reducciones parecidas del consumo de alcohol y drogas en los meses "
            "siguientes.\n\n"
            "## Lo que no significa\n\n"
            "- No significa que un IOP sea adecuado para todos. Las personas con un síndrome "
            "de abstinencia peligroso, problemas médicos graves o sin un lugar seguro donde "
            "vivir a menudo no estaban entre las estudiadas, y quizá necesiten primero más "
            "atención.\n"
            "- No promete un resultado. La recuperación es distinta en cada persona, y los "
            "tropiezos en el camino son frecuentes.\n"
            "- Algunos centros de tratamiento afirman que un IOP puede dar mejores resultados "
            "que la atención residencial en ciertos grupos, por ejemplo en algunas personas "
            "con un trastorno por consumo de opioides. La evidencia sobre eso es más dispar, "
            "y nosotros no lo afirmamos.\n\n"
            "## Por qué importa\n\n"
            "Si una evaluación muestra que un nivel de atención ambulatorio es seguro para "
            "usted, las investigaciones indican que no tiene que dejar su trabajo ni "
            "separarse de su familia para recibir un tratamiento que funciona.\n\n"
            "## El estudio\n\n"
            "El artículo está en inglés:\n\n"
            "McCarty D, Braude L, Lyman DR, et al. Substance Abuse Intensive Outpatient "
            "Programs: Assessing the Evidence. *Psychiatric Services*. 2014;65(6):718-726."
        ),
    },
    "medication-with-an-iop": {
        "title": "Medicamentos para el trastorno por consumo de opioides junto con un IOP",
        "slug": "medicamentos-para-opioides-y-el-iop",
        "summary": (
            "Los medicamentos para el consumo de opioides funcionan mejor con consejería y "
            "apoyo. Cómo encaja el tratamiento con medicamentos en el programa de la tarde."
        ),
        "body": (
            "El tratamiento asistido con medicamentos, que a menudo se llama MAT por sus "
            "siglas en inglés, consiste en usar medicamentos junto con consejería y apoyo "
            "para tratar un trastorno por consumo de sustancias. Sobre todo en el trastorno "
            "por consumo de opioides, combinar ambos se asocia con las mejores tasas de "
            "recuperación y con un menor riesgo de sobredosis.\n\n"
            "## Los medicamentos\n\n"
            "En los Estados Unidos hay tres medicamentos aprobados para el trastorno por "
            "consumo de opioides:\n\n"
            "- **La buprenorfina** alivia la abstinencia y los antojos, y puede recetarla un "
            "médico o una enfermera practicante.\n"
            "- **La metadona** hace lo mismo y se administra en un programa de tratamiento "
            "de opioides con licencia.\n"
            "- **La naltrexona**, en una inyección mensual, bloquea los efectos de los "
            "opioides una vez que la persona ha pasado por completo la abstinencia.\n\n"
            "También hay medicamentos para el trastorno por consumo de alcohol. Cuál le "
            "conviene, si es que alguno, se decide con un profesional que pueda recetar y "
            "que conozca su historial.\n\n"
            "## El medicamento y el programa, juntos\n\n"
            "El medicamento estabiliza el cuerpo, y eso facilita el trabajo de la "
            "recuperación: los grupos, las sesiones individuales y los cambios en casa. Ese "
            "trabajo es el que aporta el programa por la tarde. Nuestro equipo médico puede "
            "empezar o continuar un medicamento, o coordinarse con el médico que ya se lo "
            "receta.\n\n"
            "## Una preocupación frecuente\n\n"
            "Algunas personas sienten que tomar un medicamento significa que no están "
            "realmente en recuperación. Nosotros no lo vemos así. Tomar un medicamento "
            "recetado tal como se indica es tratamiento, igual que la insulina es "
            "tratamiento para la diabetes.\n\n"
            "## Si lo está pensando\n\n"
            "Menciónelo cuando llame a admisiones, o pregúntele a su consejero una vez que "
            "haya empezado. Un profesional que receta le explicará las opciones, los efectos "
            "secundarios y cuánto tiempo suelen tomar las personas cada medicamento."
        ),
    },
}
