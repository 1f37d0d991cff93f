/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-names.c: the people a generated store is made of
 *
 * Common names of each origin, with the accents, apostrophes, hyphens,
 * particles and compound names people really have. Names in another
 * script carry their usual Latin spelling.
 */
#define G_LOG_DOMAIN "atelier-bench"

#include "config.h"

#include "atelier-bench-names.h"

#define L(name) { name, NULL }
#define T(name, latin) { name, latin }

static const BenchName french_given[] = {
  L ("Jean"), L ("Marie"), L ("Zoé"), L ("Chloé"), L ("Hélène"), L ("Léa"), L ("Noémie"),
  L ("Jean-Pierre"), L ("Marie-Christine"), L ("François"), L ("Françoise"), L ("Gaëlle"),
  L ("Anaïs"), L ("Maëlle"), L ("Benoît"), L ("Jérôme"), L ("Stéphane"), L ("Céline"),
  L ("Amélie"), L ("Mathéo"), L ("Loïc"), L ("Agnès"), L ("Clémence"), L ("Thérèse"),
  L ("Édouard"), L ("Émilie"), L ("Raphaël"), L ("Inès"), L ("Élodie"), L ("Pierre"),
  L ("Nicolas"), L ("Camille"), L ("Julien"), L ("Sophie"), L ("Thomas"), L ("Lucas"),
  L ("Manon"), L ("Louise"), L ("Hugo"), L ("Océane"), L ("Aurélien"), L ("Cécile"),
  L ("Jean-Baptiste"), L ("Anne-Sophie"), L ("Philippe"), L ("Isabelle"), L ("Nathalie"),
  L ("Sylvie"), L ("Christophe"), L ("Valérie"), L ("Guillaume"), L ("Mélanie"),
};

static const BenchName french_family[] = {
  L ("Martin"), L ("Bernard"), L ("Dubois"), L ("Thomas"), L ("Robert"), L ("Richard"),
  L ("Petit"), L ("Durand"), L ("Leroy"), L ("Moreau"), L ("Simon"), L ("Laurent"),
  L ("Lefèvre"), L ("Michel"), L ("David"), L ("Bertrand"), L ("Roux"), L ("Vincent"),
  L ("Fournier"), L ("Morel"), L ("Girard"), L ("André"), L ("Lefebvre"), L ("Mercier"),
  L ("Dupont"), L ("Lambert"), L ("Bonnet"), L ("François"), L ("Legrand"), L ("Garnier"),
  L ("Faure"), L ("Rousseau"), L ("Blanc"), L ("Guérin"), L ("Muller"), L ("Henry"),
  L ("Perrin"), L ("Morin"), L ("Mathieu"), L ("Clément"), L ("Gauthier"), L ("Dumont"),
  L ("Fontaine"), L ("Chevalier"), L ("Robin"), L ("Masson"), L ("Gérard"), L ("Boyer"),
  L ("Lemaire"), L ("Duval"), L ("Joly"), L ("Noël"), L ("Meunier"), L ("Marchand"),
  L ("Dufour"), L ("Blanchard"), L ("Barbier"), L ("Brunet"), L ("Leroux"), L ("Renard"),
  L ("Caron"), L ("Aubert"), L ("Leclerc"), L ("Bourgeois"), L ("Lemoine"), L ("Picard"),
  L ("Lacroix"), L ("Rivière"), L ("Le Gall"), L ("Le Goff"), L ("Ménard"), L ("Prévost"),
  L ("Carré"), L ("Rémy"), L ("Barré"), L ("de La Fontaine"), L ("Saint-Just"),
  L ("d’Arcy"), L ("Lévêque"), L ("Béranger"), L ("Château"), L ("Desprès"),
};

static const BenchName maghreb_given[] = {
  L ("Mohamed"), L ("Mohammed"), L ("Ahmed"), L ("Karim"), L ("Youssef"), L ("Rachid"),
  L ("Samir"), L ("Nadia"), L ("Fatima"), L ("Fatiha"), L ("Khadija"), L ("Yasmina"),
  L ("Leïla"), L ("Sofiane"), L ("Mehdi"), L ("Amine"), L ("Nawel"), L ("Soraya"),
  L ("Hakim"), L ("Djamel"), L ("Malika"), L ("Zineb"), L ("Imane"), L ("Bilal"),
  L ("Ilyes"), L ("Nour"), L ("Farid"), L ("Salma"), L ("Kamel"), L ("Houda"),
};

static const BenchName maghreb_family[] = {
  L ("Benali"), L ("Ben Ali"), L ("Haddad"), L ("El Amrani"), L ("Bouzid"), L ("Belkacem"),
  L ("Cherif"), L ("Mansouri"), L ("Saïdi"), L ("Boukhari"), L ("Benkirane"),
  L ("El Idrissi"), L ("Amrani"), L ("Zeroual"), L ("Hamdi"), L ("Bensaïd"), L ("Chaouch"),
  L ("Khelifi"), L ("Toumi"), L ("Messaoudi"), L ("Benmoussa"), L ("Aït Ahmed"), L ("Ouali"),
  L ("Lahlou"), L ("Tazi"), L ("Slimani"), L ("Rahmani"), L ("Bennani"),
  L ("Aït Ouméziane"), L ("Boumediene"),
};

static const BenchName arabic_given[] = {
  T ("محمد", "Mohamed"), T ("أحمد", "Ahmed"), T ("فاطمة", "Fatima"), T ("خديجة", "Khadija"),
  T ("يوسف", "Youssef"), T ("مريم", "Maryam"), T ("عمر", "Omar"), T ("علي", "Ali"),
  T ("ليلى", "Layla"), T ("سارة", "Sara"), T ("حسن", "Hassan"), T ("نور", "Nour"),
  T ("كريم", "Karim"), T ("زينب", "Zainab"), T ("إبراهيم", "Ibrahim"), T ("هدى", "Houda"),
  T ("سلمى", "Salma"), T ("خالد", "Khaled"), T ("رانيا", "Rania"), T ("طارق", "Tarek"),
};

static const BenchName arabic_family[] = {
  T ("الحسيني", "Al-Husseini"), T ("العمري", "El Omari"), T ("بن علي", "Ben Ali"),
  T ("حداد", "Haddad"), T ("الشامي", "Al-Shami"), T ("المصري", "El Masri"),
  T ("خوري", "Khoury"), T ("منصور", "Mansour"), T ("نصر", "Nasr"), T ("سعيد", "Said"),
  T ("عبد الله", "Abdallah"), T ("الأحمد", "Al-Ahmad"), T ("قاسم", "Kassem"),
  T ("البغدادي", "Al-Baghdadi"), T ("الزين", "El Zein"), T ("عيسى", "Issa"),
  T ("حمدان", "Hamdan"), T ("صالح", "Saleh"), T ("الخطيب", "El Khatib"), T ("يوسف", "Youssef"),
};

static const BenchName german_given[] = {
  L ("Jürgen"), L ("Jörg"), L ("Björn"), L ("Sören"), L ("Günther"), L ("Anna"), L ("Lena"),
  L ("Lukas"), L ("Maximilian"), L ("Felix"), L ("Jonas"), L ("Leonie"), L ("Hannah"),
  L ("Katharina"), L ("Sabine"), L ("Ursula"), L ("Dieter"), L ("Klaus"), L ("Wolfgang"),
  L ("Matthias"), L ("Sebastian"), L ("Tobias"), L ("Julia"), L ("Uwe"),
  L ("Mia"), L ("Karl-Heinz"), L ("Anneliese"), L ("Ingrid"), L ("Moritz"),
};

static const BenchName german_family[] = {
  L ("Müller"), L ("Schmidt"), L ("Schneider"), L ("Fischer"), L ("Weber"), L ("Meyer"),
  L ("Wagner"), L ("Becker"), L ("Schulz"), L ("Hoffmann"), L ("Schäfer"), L ("Koch"),
  L ("Bauer"), L ("Richter"), L ("Klein"), L ("Wolf"), L ("Schröder"), L ("Neumann"),
  L ("Schwarz"), L ("Zimmermann"), L ("Braun"), L ("Krüger"), L ("Hofmann"), L ("Hartmann"),
  L ("Lange"), L ("Weiß"), L ("Groß"), L ("Köhler"), L ("von Bülow"), L ("Straßburger"),
  L ("Fuchs"), L ("Vogel"), L ("Jäger"), L ("Böhm"), L ("Müller-Lüdenscheidt"),
};

static const BenchName spanish_given[] = {
  L ("José"), L ("María"), L ("Antonio"), L ("Carmen"), L ("Manuel"), L ("Lucía"),
  L ("Javier"), L ("Sofía"), L ("Alejandro"), L ("Paula"), L ("Miguel Ángel"),
  L ("María José"), L ("Jesús"), L ("Begoña"), L ("Íñigo"), L ("Nuria"), L ("Álvaro"),
  L ("Raúl"), L ("Ramón"), L ("Rocío"), L ("Sergio"), L ("Inmaculada"), L ("Pilar"),
  L ("Guillermo"), L ("Ainhoa"), L ("Jordi"), L ("Montserrat"),
};

static const BenchName spanish_family[] = {
  L ("García"), L ("Rodríguez"), L ("González"), L ("Fernández"), L ("López"),
  L ("Martínez"), L ("Sánchez"), L ("Pérez"), L ("Gómez"), L ("Martín"), L ("Jiménez"),
  L ("Ruiz"), L ("Hernández"), L ("Díaz"), L ("Moreno"), L ("Muñoz"), L ("Álvarez"),
  L ("Romero"), L ("Alonso"), L ("Gutiérrez"), L ("Navarro"), L ("Torres"), L ("Domínguez"),
  L ("Vázquez"), L ("Ramos"), L ("Serrano"), L ("Castillo"), L ("Ortega"), L ("Núñez"),
  L ("García López"), L ("Fernández de Córdoba"), L ("Martín-Peña"), L ("Ibáñez Ruiz"),
  L ("Puig i Ferrer"),
};

static const BenchName portuguese_given[] = {
  L ("João"), L ("José"), L ("Maria"), L ("Ana"), L ("Francisco"), L ("António"),
  L ("Manuel"), L ("Conceição"), L ("Inês"), L ("Gonçalo"), L ("Beatriz"), L ("Leonor"),
  L ("Tomás"), L ("Rodrigo"), L ("Mariana"), L ("Sebastião"), L ("Luís"), L ("Fátima"),
  L ("Joaquim"), L ("Matilde"), L ("Duarte"), L ("Íris"), L ("Vitória"), L ("Caetano"),
  L ("Thiago"), L ("Gabriela"), L ("Maria da Graça"),
};

static const BenchName portuguese_family[] = {
  L ("Silva"), L ("da Silva"), L ("Santos"), L ("Ferreira"), L ("Pereira"), L ("Oliveira"),
  L ("Costa"), L ("Rodrigues"), L ("Martins"), L ("Jesus"), L ("Sousa"), L ("Fernandes"),
  L ("Gonçalves"), L ("Gomes"), L ("Lopes"), L ("Marques"), L ("Alves"), L ("Almeida"),
  L ("Ribeiro"), L ("Pinto"), L ("Carvalho"), L ("Teixeira"), L ("Moreira"), L ("Correia"),
  L ("Mendes"), L ("Nunes"), L ("Soares"), L ("Vieira"), L ("Monteiro"), L ("Cardoso"),
  L ("Magalhães"), L ("Araújo"), L ("dos Santos"), L ("de Sousa Brandão"), L ("Simões"),
};

static const BenchName italian_given[] = {
  L ("Giuseppe"), L ("Giovanni"), L ("Antonio"), L ("Mario"), L ("Luca"), L ("Marco"),
  L ("Francesco"), L ("Alessandro"), L ("Niccolò"), L ("Matteo"), L ("Lorenzo"),
  L ("Giulia"), L ("Chiara"), L ("Francesca"), L ("Sara"), L ("Martina"), L ("Alessia"),
  L ("Federica"), L ("Elisa"), L ("Valentina"), L ("Ilaria"), L ("Gianluca"),
  L ("Pierpaolo"), L ("Maria Grazia"), L ("Raffaele"), L ("Gioele"),
};

static const BenchName italian_family[] = {
  L ("Rossi"), L ("Russo"), L ("Ferrari"), L ("Esposito"), L ("Bianchi"), L ("Romano"),
  L ("Colombo"), L ("Ricci"), L ("Marino"), L ("Greco"), L ("Bruno"), L ("Gallo"),
  L ("Conti"), L ("De Luca"), L ("Mancini"), L ("Costa"), L ("Giordano"), L ("Rizzo"),
  L ("Lombardi"), L ("Moretti"), L ("Barbieri"), L ("Fontana"), L ("Santoro"),
  L ("Mariani"), L ("Rinaldi"), L ("Caruso"), L ("Ferrara"), L ("Galli"), L ("Martini"),
  L ("Leone"), L ("Longo"), L ("Gentile"), L ("Vitale"), L ("D’Angelo"), L ("Di Stefano"),
  L ("Dell’Acqua"), L ("De Santis"), L ("Parisi"), L ("Niccolai"),
};

static const BenchName polish_given[] = {
  L ("Łukasz"), L ("Małgorzata"), L ("Krzysztof"), L ("Agnieszka"), L ("Grzegorz"),
  L ("Katarzyna"), L ("Paweł"), L ("Michał"), L ("Tomasz"), L ("Joanna"), L ("Magdalena"),
  L ("Wojciech"), L ("Zofia"), L ("Jakub"), L ("Maciej"), L ("Bartłomiej"), L ("Jędrzej"),
  L ("Żaneta"), L ("Szymon"), L ("Anna"), L ("Piotr"), L ("Ewa"), L ("Aleksandra"),
  L ("Przemysław"), L ("Dorota"),
};

static const BenchName polish_family[] = {
  L ("Nowak"), L ("Kowalski"), L ("Kowalska"), L ("Wiśniewski"), L ("Wiśniewska"),
  L ("Wójcik"), L ("Kowalczyk"), L ("Kamiński"), L ("Lewandowski"), L ("Lewandowska"),
  L ("Zieliński"), L ("Szymański"), L ("Woźniak"), L ("Dąbrowski"), L ("Kozłowski"),
  L ("Jankowski"), L ("Mazur"), L ("Kwiatkowski"), L ("Krawczyk"), L ("Piotrowski"),
  L ("Grabowski"), L ("Pawłowski"), L ("Michalski"), L ("Wróblewski"),
  L ("Brzęczyszczykiewicz"), L ("Król"), L ("Wieczorek"), L ("Jabłoński"), L ("Stępień"),
  L ("Górski"), L ("Szewczyk"),
};

static const BenchName turkish_given[] = {
  L ("Ayşe"), L ("Fatma"), L ("Emine"), L ("Hatice"), L ("Zeynep"), L ("Elif"), L ("Merve"),
  L ("Büşra"), L ("Mehmet"), L ("Mustafa"), L ("Ahmet"), L ("Ali"), L ("Hüseyin"),
  L ("Hasan"), L ("İbrahim"), L ("İsmail"), L ("Yusuf"), L ("Ömer"), L ("Çağrı"),
  L ("Gökhan"), L ("Şükrü"), L ("Özlem"), L ("Gülşen"), L ("Ebru"), L ("Burak"),
  L ("Emre"), L ("Tuğba"), L ("Işıl"), L ("Irmak"),
};

static const BenchName turkish_family[] = {
  L ("Yılmaz"), L ("Kaya"), L ("Demir"), L ("Şahin"), L ("Çelik"), L ("Yıldız"),
  L ("Yıldırım"), L ("Öztürk"), L ("Aydın"), L ("Özdemir"), L ("Arslan"), L ("Doğan"),
  L ("Kılıç"), L ("Aslan"), L ("Çetin"), L ("Kara"), L ("Koç"), L ("Kurt"), L ("Özkan"),
  L ("Şimşek"), L ("Polat"), L ("Güneş"), L ("Erdoğan"), L ("Akın"), L ("Uçar"),
  L ("Bulut"), L ("Tekin"), L ("Ünal"), L ("Sarıgül"), L ("İnce"),
};

static const BenchName hebrew_given[] = {
  T ("נועה", "Noa"), T ("תמר", "Tamar"), T ("יעל", "Yael"), T ("שירה", "Shira"),
  T ("מיכל", "Michal"), T ("אביגיל", "Avigail"), T ("רחל", "Rachel"), T ("שרה", "Sarah"),
  T ("דוד", "David"), T ("יוסף", "Yosef"), T ("משה", "Moshe"), T ("אברהם", "Avraham"),
  T ("יונתן", "Yonatan"), T ("איתי", "Itai"), T ("אורי", "Uri"), T ("נועם", "Noam"),
  T ("עומר", "Omer"), T ("אליה", "Eliya"), T ("דניאל", "Daniel"), T ("אריאל", "Ariel"),
};

static const BenchName hebrew_family[] = {
  T ("כהן", "Cohen"), T ("לוי", "Levi"), T ("מזרחי", "Mizrahi"), T ("פרץ", "Peretz"),
  T ("ביטון", "Biton"), T ("דהן", "Dahan"), T ("פרידמן", "Friedman"), T ("אזולאי", "Azoulay"),
  T ("מלכה", "Malka"), T ("כץ", "Katz"), T ("שפירא", "Shapira"), T ("גולדברג", "Goldberg"),
  T ("רוזנברג", "Rosenberg"), T ("בן דוד", "Ben David"), T ("אוחיון", "Ohayon"),
  T ("חדד", "Hadad"), T ("גבאי", "Gabay"), T ("עמר", "Amar"), T ("שטרן", "Stern"),
  T ("אברהם", "Avraham"),
};

static const BenchName chinese_given[] = {
  T ("伟", "Wei"), T ("芳", "Fang"), T ("娜", "Na"), T ("秀英", "Xiuying"), T ("敏", "Min"),
  T ("静", "Jing"), T ("丽", "Li"), T ("强", "Qiang"), T ("磊", "Lei"), T ("军", "Jun"),
  T ("洋", "Yang"), T ("勇", "Yong"), T ("艳", "Yan"), T ("杰", "Jie"), T ("娟", "Juan"),
  T ("涛", "Tao"), T ("明", "Ming"), T ("超", "Chao"), T ("秀兰", "Xiulan"), T ("霞", "Xia"),
  T ("平", "Ping"), T ("刚", "Gang"), T ("桂英", "Guiying"), T ("子涵", "Zihan"),
  T ("欣怡", "Xinyi"), T ("浩然", "Haoran"), T ("梓轩", "Zixuan"), T ("雨桐", "Yutong"),
};

static const BenchName chinese_family[] = {
  T ("王", "Wang"), T ("李", "Li"), T ("张", "Zhang"), T ("刘", "Liu"), T ("陈", "Chen"),
  T ("杨", "Yang"), T ("黄", "Huang"), T ("赵", "Zhao"), T ("吴", "Wu"), T ("周", "Zhou"),
  T ("徐", "Xu"), T ("孙", "Sun"), T ("马", "Ma"), T ("朱", "Zhu"), T ("胡", "Hu"),
  T ("郭", "Guo"), T ("何", "He"), T ("林", "Lin"), T ("罗", "Luo"), T ("高", "Gao"),
  T ("欧阳", "Ouyang"), T ("司马", "Sima"),
};

static const BenchName japanese_given[] = {
  T ("陽翔", "Haruto"), T ("蓮", "Ren"), T ("悠真", "Yūma"), T ("湊", "Minato"),
  T ("陽菜", "Hina"), T ("結菜", "Yuina"), T ("葵", "Aoi"), T ("凛", "Rin"),
  T ("さくら", "Sakura"), T ("ひなた", "Hinata"), T ("健太", "Kenta"), T ("翔太", "Shōta"),
  T ("美咲", "Misaki"), T ("愛", "Ai"), T ("大輝", "Daiki"), T ("拓海", "Takumi"),
  T ("由美子", "Yumiko"), T ("恵子", "Keiko"), T ("健二", "Kenji"), T ("直樹", "Naoki"),
};

static const BenchName japanese_family[] = {
  T ("佐藤", "Satō"), T ("鈴木", "Suzuki"), T ("高橋", "Takahashi"), T ("田中", "Tanaka"),
  T ("伊藤", "Itō"), T ("渡辺", "Watanabe"), T ("山本", "Yamamoto"), T ("中村", "Nakamura"),
  T ("小林", "Kobayashi"), T ("加藤", "Katō"), T ("吉田", "Yoshida"), T ("山田", "Yamada"),
  T ("佐々木", "Sasaki"), T ("山口", "Yamaguchi"), T ("松本", "Matsumoto"),
  T ("井上", "Inoue"), T ("木村", "Kimura"), T ("林", "Hayashi"), T ("清水", "Shimizu"),
  T ("斎藤", "Saitō"),
};

static const BenchName korean_given[] = {
  T ("민준", "Min-jun"), T ("서연", "Seo-yeon"), T ("지우", "Ji-woo"), T ("서준", "Seo-jun"),
  T ("하은", "Ha-eun"), T ("도윤", "Do-yoon"), T ("지민", "Jimin"), T ("수빈", "Su-bin"),
  T ("예준", "Ye-jun"), T ("민서", "Min-seo"), T ("지훈", "Ji-hoon"), T ("유진", "Yu-jin"),
  T ("현우", "Hyun-woo"), T ("수아", "Su-a"), T ("지호", "Ji-ho"), T ("은지", "Eun-ji"),
  T ("성민", "Sung-min"), T ("혜진", "Hye-jin"), T ("동현", "Dong-hyun"), T ("소연", "So-yeon"),
};

static const BenchName korean_family[] = {
  T ("김", "Kim"), T ("이", "Lee"), T ("박", "Park"), T ("최", "Choi"), T ("정", "Jung"),
  T ("강", "Kang"), T ("조", "Cho"), T ("윤", "Yoon"), T ("장", "Jang"), T ("임", "Lim"),
  T ("한", "Han"), T ("오", "Oh"), T ("서", "Seo"), T ("신", "Shin"), T ("권", "Kwon"),
  T ("황", "Hwang"), T ("안", "Ahn"), T ("송", "Song"), T ("홍", "Hong"),
  T ("남궁", "Namgung"),
};

static const BenchName vietnamese_given[] = {
  L ("Minh Anh"), L ("Thị Hương"), L ("Văn Hùng"), L ("Thu Trang"), L ("Quốc Bảo"),
  L ("Ngọc Lan"), L ("Đức Anh"), L ("Thanh Hà"), L ("Hoài Nam"), L ("Phương Linh"),
  L ("Tuấn"), L ("Hải Yến"), L ("Bảo Ngọc"), L ("Gia Huy"), L ("Khánh Linh"),
  L ("Thùy Dung"), L ("Quang Huy"), L ("Mỹ Duyên"), L ("Xuân Mai"), L ("Trọng Nghĩa"),
};

static const BenchName vietnamese_family[] = {
  L ("Nguyễn"), L ("Nguyen"), L ("Trần"), L ("Lê"), L ("Phạm"), L ("Hoàng"), L ("Huỳnh"),
  L ("Phan"), L ("Vũ"), L ("Võ"), L ("Đặng"), L ("Bùi"), L ("Đỗ"), L ("Hồ"), L ("Ngô"),
  L ("Dương"), L ("Lý"), L ("Trương"), L ("Đinh"), L ("Lâm"), L ("Mai"),
};

static const BenchName indian_given[] = {
  L ("Priya"), L ("Arjun"), L ("Aarav"), L ("Ananya"), L ("Rahul"), L ("Deepika"),
  L ("Vikram"), L ("Lakshmi"), L ("Sanjay"), L ("Kavya"), L ("Rohan"), L ("Sneha"),
  L ("Aditya"), L ("Pooja"), L ("Karthik"), L ("Meera"), L ("Nikhil"), L ("Divya"),
  L ("Harpreet"), L ("Gurpreet"), L ("Siddharth"), L ("Aishwarya"), L ("Venkatesh"),
  L ("Shreya"), L ("Ishaan"),
};

static const BenchName indian_family[] = {
  L ("Sharma"), L ("Patel"), L ("Singh"), L ("Kumar"), L ("Gupta"), L ("Reddy"),
  L ("Iyer"), L ("Nair"), L ("Rao"), L ("Das"), L ("Joshi"), L ("Mehta"),
  L ("Chatterjee"), L ("Banerjee"), L ("Mukherjee"), L ("Krishnan"), L ("Pillai"),
  L ("Menon"), L ("Desai"), L ("Agarwal"), L ("Malhotra"), L ("Kapoor"),
  L ("Bhattacharya"), L ("Subramanian"), L ("Venkataraman"), L ("Chaudhary"),
};

static const BenchName nigerian_given[] = {
  L ("Chinedu"), L ("Ngozi"), L ("Oluwaseun"), L ("Adebayo"), L ("Chiamaka"), L ("Emeka"),
  L ("Funmilayo"), L ("Obinna"), L ("Yetunde"), L ("Ifeoma"), L ("Tunde"), L ("Aisha"),
  L ("Babajide"), L ("Chidinma"), L ("Nnamdi"), L ("Folake"), L ("Kelechi"),
  L ("Temitope"), L ("Uchenna"), L ("Abubakar"), L ("Zainab"), L ("Ikechukwu"),
  L ("Adaeze"), L ("Olumide"), L ("Bùkọ́lá"),
};

static const BenchName nigerian_family[] = {
  L ("Okafor"), L ("Adeyemi"), L ("Okonkwo"), L ("Adebayo"), L ("Eze"), L ("Nwosu"),
  L ("Ogunleye"), L ("Bello"), L ("Ibrahim"), L ("Okeke"), L ("Olawale"), L ("Chukwu"),
  L ("Afolabi"), L ("Onyekachi"), L ("Balogun"), L ("Nwachukwu"), L ("Oyelaran"),
  L ("Abiodun"), L ("Obi"), L ("Akinola"), L ("Ogundipe"), L ("Uzor"), L ("Ojo"),
  L ("Danjuma"), L ("Adéwálé"),
};

static const BenchName english_given[] = {
  L ("James"), L ("Mary"), L ("John"), L ("Patricia"), L ("Robert"), L ("Jennifer"),
  L ("Michael"), L ("Linda"), L ("William"), L ("Elizabeth"), L ("David"), L ("Emma"),
  L ("Oliver"), L ("Charlotte"), L ("Harry"), L ("Amelia"), L ("George"), L ("Siobhan"),
  L ("Niamh"), L ("Aoife"), L ("Seán"), L ("Eoin"), L ("Mary-Kate"), L ("Chloe"),
  L ("Jack"), L ("Olivia"), L ("Noah"), L ("Isla"),
};

static const BenchName english_family[] = {
  L ("Smith"), L ("Jones"), L ("Williams"), L ("Brown"), L ("Taylor"), L ("Davies"),
  L ("Wilson"), L ("Evans"), L ("Thomas"), L ("Johnson"), L ("Roberts"), L ("Walker"),
  L ("Wright"), L ("Robinson"), L ("Thompson"), L ("White"), L ("Hughes"), L ("Edwards"),
  L ("Green"), L ("Hall"), L ("O'Brien"), L ("O’Connor"), L ("McDonald"), L ("MacLeod"),
  L ("Fitzgerald"), L ("Murphy"), L ("Kelly"), L ("Byrne"), L ("Campbell"), L ("Stewart"),
  L ("Anderson"), L ("Clarke"), L ("Jackson"), L ("Harris"), L ("Smith-Jones"),
};

static const BenchName ukrainian_given[] = {
  T ("Олександр", "Oleksandr"), T ("Андрій", "Andrii"), T ("Дмитро", "Dmytro"),
  T ("Сергій", "Serhii"), T ("Іван", "Ivan"), T ("Марія", "Mariia"), T ("Олена", "Olena"),
  T ("Наталія", "Nataliia"), T ("Юлія", "Yuliia"), T ("Тетяна", "Tetiana"),
  T ("Оксана", "Oksana"), T ("Ірина", "Iryna"), T ("Анастасія", "Anastasiia"),
  T ("Богдан", "Bohdan"), T ("Тарас", "Taras"), T ("Максим", "Maksym"),
  T ("Катерина", "Kateryna"), T ("Софія", "Sofiia"), T ("Віктор", "Viktor"),
  T ("Ганна", "Hanna"),
};

static const BenchName ukrainian_family[] = {
  T ("Шевченко", "Shevchenko"), T ("Коваленко", "Kovalenko"), T ("Бондаренко", "Bondarenko"),
  T ("Ткаченко", "Tkachenko"), T ("Кравченко", "Kravchenko"), T ("Олійник", "Oliinyk"),
  T ("Мельник", "Melnyk"), T ("Бойко", "Boiko"), T ("Коваль", "Koval"),
  T ("Поліщук", "Polishchuk"), T ("Лисенко", "Lysenko"), T ("Савченко", "Savchenko"),
  T ("Руденко", "Rudenko"), T ("Мороз", "Moroz"), T ("Петренко", "Petrenko"),
  T ("Гончаренко", "Honcharenko"), T ("Кузьменко", "Kuzmenko"), T ("Зінченко", "Zinchenko"),
  T ("Федоренко", "Fedorenko"), T ("Марченко", "Marchenko"),
};

#define ORIGIN(id, given, family, weight, native, phone) \
  { id, given, G_N_ELEMENTS (given), family, G_N_ELEMENTS (family), weight, native, phone }

/* The weights add up to 1000. */
static const BenchOrigin origins[] = {
  ORIGIN ("fr", french_given, french_family, 395, 0, BENCH_PHONE_FRANCE),
  ORIGIN ("maghreb", maghreb_given, maghreb_family, 80, 0, BENCH_PHONE_MOROCCO),
  ORIGIN ("ar", arabic_given, arabic_family, 20, 60, BENCH_PHONE_MOROCCO),
  ORIGIN ("de", german_given, german_family, 50, 0, BENCH_PHONE_GERMANY),
  ORIGIN ("es", spanish_given, spanish_family, 45, 0, BENCH_PHONE_SPAIN),
  ORIGIN ("pt", portuguese_given, portuguese_family, 45, 0, BENCH_PHONE_PORTUGAL),
  ORIGIN ("it", italian_given, italian_family, 45, 0, BENCH_PHONE_ITALY),
  ORIGIN ("pl", polish_given, polish_family, 30, 0, BENCH_PHONE_POLAND),
  ORIGIN ("tr", turkish_given, turkish_family, 30, 0, BENCH_PHONE_TURKEY),
  ORIGIN ("he", hebrew_given, hebrew_family, 15, 40, BENCH_PHONE_ISRAEL),
  ORIGIN ("zh", chinese_given, chinese_family, 30, 50, BENCH_PHONE_CHINA),
  ORIGIN ("ja", japanese_given, japanese_family, 25, 50, BENCH_PHONE_JAPAN),
  ORIGIN ("ko", korean_given, korean_family, 20, 50, BENCH_PHONE_KOREA),
  ORIGIN ("vi", vietnamese_given, vietnamese_family, 35, 0, BENCH_PHONE_VIETNAM),
  ORIGIN ("in", indian_given, indian_family, 35, 0, BENCH_PHONE_INDIA),
  ORIGIN ("ng", nigerian_given, nigerian_family, 30, 0, BENCH_PHONE_NIGERIA),
  ORIGIN ("en", english_given, english_family, 50, 0, BENCH_PHONE_UK),
  ORIGIN ("uk", ukrainian_given, ukrainian_family, 20, 50, BENCH_PHONE_UKRAINE),
};

const BenchOrigin *
bench_names_get_origins (guint *n_origins)
{
  *n_origins = G_N_ELEMENTS (origins);
  return origins;
}

char *
bench_email_word (const char *latin)
{
  g_autofree char *ascii = g_str_to_ascii (latin, "C");
  GString *word = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (word, g_ascii_tolower (*p));
      else if (*p == '-' && word->len > 0)
        g_string_append_c (word, '-');
    }

  return g_string_free (word, FALSE);
}
