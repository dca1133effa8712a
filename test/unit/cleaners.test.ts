/** The text cleaners' patterns, on the inputs that broke them on real pages. */
import { describe, expect, it } from 'vitest';
import { isClutterText, removeClutterText, removeRepeatedHeadline } from '@/utils/extract/cleaners';

function block(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

/** Each line, alone in its block, is (or is not) clutter. */
function expectClutter(lines: readonly string[], clutter: boolean): void {
  for (const line of lines) expect(isClutterText(block(line), line), line).toBe(clutter);
}

/** A rail `header` over a list of links, after a paragraph: the header and its links go, the paragraph stays. */
function expectRailRemoved(header: string): void {
  const root = block(`<p>Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr mit großer Mehrheit beschlossen, nach einer langen Debatte.</p><h3>${header}</h3><ul><li><a href="/a">Neue Schule eröffnet</a></li><li><a href="/b">Marktplatz wird saniert</a></li></ul>`);
  removeClutterText(root);
  expect(root.textContent, header).not.toContain(header);
  expect(root.textContent, header).not.toContain('Neue Schule');
  expect(root.textContent, header).toContain('Haushalt');
}

describe('text clutter patterns', () => {
  it('a pager left in the text is clutter; a year archive is judged at once (no runaway backtracking)', () => {
    expect(isClutterText(block('<a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> Selanjutnya'), '1 2 3 Selanjutnya')).toBe(true);
    expect(isClutterText(block('Halaman 1/3 <a href="?p=2">2</a> <a href="?p=3">3</a> next'), 'Halaman 1/3 2 3 next')).toBe(true);
    // A list of archive years on an index page (Liputan6's home page): the old pager pattern split every year
    // into one- and two-digit numbers in every possible way, and took minutes on sixteen years.
    const years = Array.from({ length: 16 }, (_, i) => 2010 + i).join(' ');
    const archive = block(`${years.split(' ').map((y) => `<a href="/indeks/${y}">${y}</a>`).join(' ')} Arsip`);
    expect(isClutterText(archive, `${years} Arsip`)).toBe(false);
  });

  it('video calls to action and copyright lines are clutter; sentences that mention them are not', () => {
    for (const line of ['Saksikan Video Pilihan Berikut Ini:', 'Saksikan video di bawah ini:', 'Tonton juga video berikut', 'COPYRIGHT © ANTARA 2016', '© 2021 Kompas.com. All rights reserved.']) {
      expect(isClutterText(block(line), line), line).toBe(true);
    }
    expectClutter([
      'Saksikan video lengkapnya di saluran resmi pemerintah provinsi, kata juru bicara itu kepada wartawan.',
      'Copyright law in Indonesia protects a work for the life of its author plus seventy years.',
    ], false);
  });

  it('picture credits, campaign hashtag lines and the site imprint are clutter; captions and sentences that hold the same words are not', () => {
    expectClutter([
      '©2022 Merdeka.com/Istimewa',
      '© 2021 Kabar Priangan/Nurul Hidayah',
      'Instagram.com/riamiranda',
      'Foto: Instagram/@kebunteh.malabar',
      'ilustrasi perempuan bekerja/Photo by Andrea Piacquadio from Pexels',
      'Photo by Maria Lestari on Unsplash',
      '#ChangeMaker with FIMELA',
      'Redaksi: redaksi[at]detikfinance.com Informasi pemasangan iklan hubungi : sales[at]detik.com',
    ], true);
    expectClutter([
      'Sate Lalat Pamekasan. ©2021 Merdeka.com/Instagram @bupatipamekasanofc',
      'Jumlah pengunjung naik sejak foto kebun itu diunggah ke Instagram.com/kebunteh oleh pengelola.',
      'Ilustrasi banjir di Jakarta. Warga mengungsi ke masjid terdekat sejak Senin malam (Photo by Budi on Unsplash).',
      'Redaksi menerima surat pembaca lewat surel redaksi[at]contoh.id, kata pemimpin redaksi.',
      '#1 di klasemen sementara, tim itu kini unggul lima poin dari pesaing terdekatnya.',
    ], false);
  });
});

describe('read-also lines in other languages', () => {
  it('Spanish, German, French and Polish read-also lines before a headline are clutter', () => {
    for (const [html, text] of [
      ['Lea también: <a href="/x">Impiden ingreso a reportero</a>', 'Lea también: Impiden ingreso a reportero'],
      ['VEA TAMBIÉN: <a href="/x">Nuevo horario del ferry</a>', 'VEA TAMBIÉN: Nuevo horario del ferry'],
      ['Lesen Sie auch: <a href="/x">Die schönsten Höhenwege</a>', 'Lesen Sie auch: Die schönsten Höhenwege'],
      ['À lire aussi : <a href="/x">Le marché du travail</a>', 'À lire aussi : Le marché du travail'],
      ['<strong>À lire aussi »</strong> <a href="/x">Ballonnements, lourdeurs... Quel est votre profil digestif ?</a>', 'À lire aussi » Ballonnements, lourdeurs... Quel est votre profil digestif ?'],
      ['Zobacz również: <a href="/x">Windows 10 bez Flasha</a>', 'Zobacz również: Windows 10 bez Flasha'],
      ['<strong>Dowiedz się więcej: <a href="/x">Kto jak głosował ws. unijnych funduszy?</a></strong>', 'Dowiedz się więcej: Kto jak głosował ws. unijnych funduszy?'],
      ['Mira: <a href="/x">Madre se acerca a conocer los motivos</a>', 'Mira: Madre se acerca a conocer los motivos'],
    ]) {
      expect(isClutterText(block(html), text), text).toBe(true);
    }
  });

  it('a speaker named Mira or Lea in an interview keeps her answer', () => {
    for (const line of ['Mira: Creo que el puerto cambiará la ciudad entera.', 'Lea: Ich habe damals nicht daran geglaubt.']) {
      expect(isClutterText(block(line), line), line).toBe(false);
    }
  });
});

describe('labels in other languages', () => {
  it('ad labels, date lines, category lines and copyright lines are clutter; sentences that use the words are not', () => {
    for (const line of ['Anzeige', 'PUBLICITÉ', 'Publicidad', 'Aktualisiert am 09.04.2024, 18:40 Uhr', 'Publié le 3 mars 2024 à 10h12', 'Kategorie: News', 'Catégorie : Société', "© 2024 Le Courrier de l'Estuaire. Tous droits réservés."]) {
      expect(isClutterText(block(line), line), line).toBe(true);
    }
    expectClutter([
      'Die Anzeige wurde am Montag bei der Polizei erstattet, drei Tage nach dem Unfall.',
      'Publié le 3 mars 2024, le rapport de la Cour des comptes a fait grand bruit. Les élus ont réagi dès le lendemain.',
      'Kategorie: Die Einteilung der Hühnerrassen folgt dem Gewicht. Leichte Rassen legen mehr.',
    ], false);
  });
});

describe('closing prompts and credit lines', () => {
  it('a blog theme\'s closing prompts and a "Photo: source/photographer" line are clutter', () => {
    expectClutter([
      'This entry was posted in Baking and tagged crackers, sourdough. Bookmark the permalink.',
      'If you enjoyed reading this post, please share it with a friend who bakes.',
      'Was this article helpful? Yes No',
      'War der Artikel nützlich?',
      'Photo: Crumb Notebook/Anna Fielding',
      'Bild: Werk/Christian Houdek',
      'Rezept drucken',
    ], true);
  });

  it('a caption that describes its picture, and sentences about posting or printing, stay', () => {
    expectClutter([
      'Photo: the harbour at dawn, with the ferry coming in from the islands.',
      'Foto: Warga antre beras murah di Pasar Senen, Jakarta, Selasa (3/9/2024).',
      'This post was written after a long week at the bakery, and it shows.',
      'Print newspapers lost a third of their readers in five years, the report says.',
    ], false);
  });
});

describe("a site's calls to follow it, get its app or rate the article", () => {
  it('app, channel, social and feedback calls are clutter, in English, Spanish, German and French', () => {
    expectClutter([
      'For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.',
      'Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a story suggestion.',
      'We want to hear what you think about this article. Submit a letter to the editor.',
      'Advertisement:',
      '¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular en este enlace.',
      '¡Mira lo que tiene nuestro canal de YouTube!',
      'Síguenos en Instagram y Facebook para más noticias.',
      'Artikel gefallen? Vergiss nicht zu teilen!',
      'Hier können Sie den Artikel bewerten',
      'Den Artikel mit anderen teilen/diskutieren:',
      'Abonnez-vous à notre chaîne WhatsApp pour ne rien manquer.',
      'Get the latest news straight to your phone with the VI Consortium app.',
      'Never miss the latest news by signing up to our newsletter today!',
      'Empfehlungen aus dem MEIN SCHÖNER GARTEN-Shop',
    ], true);
  });

  it('sentences about apps, channels and following stay', () => {
    expectClutter([
      'Passengers can download the new ferry app for iOS and Android from next week, the ministry said.',
      'The channel on Telegram grew to a million followers within a month, and the police began to watch it.',
      'Follow the river south for two days and you reach the old mission at San Felipe.',
      'Der Artikel gefiel den Lesern, und die Redaktion schrieb eine Fortsetzung.',
      'Get the latest figures on the phone market from the ministry, which publishes them every month.',
      'Angebote im Shop des Museums gibt es jetzt auch für Schulklassen, die eine Führung buchen.',
    ], false);
  });
});

describe('time stamps and back links', () => {
  it('a time alone in its block and a link back to the list are clutter', () => {
    for (const [html, line] of [
      ['19:49', '19:49'],
      ['3:59 PM', '3:59 PM'],
      ['<a href="/news/">zurück</a>', 'zurück'],
      ['<a href="/termine/">zurück zur Listenansicht</a>', 'zurück zur Listenansicht'],
      ['<a href="/blog/">← Back to the list</a>', '← Back to the list'],
      ['<a href="/berita/">Kembali ke daftar</a>', 'Kembali ke daftar'],
      // A "javascript:history.back()" link, which Readability turns into its text.
      ['zurück', 'zurück'],
    ]) {
      expect(isClutterText(block(html), line), line).toBe(true);
    }
  });

  it('a time in a timetable, and back as a word of a sentence, stay', () => {
    const table = document.createElement('table');
    table.innerHTML = '<tr><td>Port Albion</td><td>19:49</td></tr>';
    const cell = table.querySelectorAll('td')[1];
    expect(isClutterText(cell, '19:49')).toBe(false);
    const heading = document.createElement('h3');
    heading.textContent = 'Back';
    expect(isClutterText(heading, 'Back'), 'a heading in a list of exercises').toBe(false);
    for (const line of ['Zurück in Berlin, schrieb er das Buch in drei Monaten.', 'Back to the list of demands: the union wants a shorter week.']) {
      expect(isClutterText(block(line), line), line).toBe(false);
    }
  });
});

describe('German and French page furniture left in the text', () => {
  it('ad labels, rail headers, comment notices and picture labels are clutter', () => {
    expectClutter([
      'Anzeige:',
      '- Anzeige -',
      'Keine Kommentare',
      'Noch keine Kommentare',
      '(Noch keine Bewertungen)',
      'Beitragsbild',
      'Bild anzeigen',
      'Bild anzeigen Bild schließen',
      'Kommentare sind geschlossen.',
      '© 2020 ®/TM General Mills All Rights Reserved',
      'Bild via Pixabay',
      'Externer Inhalt',
      'Crédits photos : Bestimage',
      'Credit:',
      '(Quelle: Fleischmann/Unsplash/DJV)',
      'Aufrufe: 1.204',
      'Dieses Skript als PDF herunterladen',
    ], true);
  });

  it('German rail headers go with their links', () => {
    for (const header of ['Das könnte Sie auch interessieren!', 'Das Thema könnte dich auch interessieren:', 'Empfohlene Beiträge', 'Beiträge zum Thema']) expectRailRemoved(header);
    for (const header of ['Lesen Sie auch die folgenden Beiträge:', 'Weitere Beiträge aus der Kolumne:', 'Noch mehr Infos für dich', 'Vorschau auf den nächsten Artikel', 'Weiterführender Link']) expectRailRemoved(header);
  });

  it('sentences that begin with the same words stay', () => {
    expectClutter([
      'Anzeige erstattet hat die Nachbarin, die den Rauch zuerst bemerkte.',
      'Keine Kommentare gab es vom Ministerium, das die Zahlen seit Wochen zurückhält.',
      'Bild und Ton fielen während der Übertragung zweimal aus, sagte der Sender.',
      'Credit: the bank said it would tighten lending to small firms from March, citing rising defaults.',
    ], false);
  });
});

describe('more furniture: stock credits, empty labels, paywall and feedback calls', () => {
  it('is clutter', () => {
    expectClutter([
      'iStock.com',
      'TebNad/Shutterstock.com',
      'Źródło:',
      'Titelbild:',
      'Zum Vergrößern auf das Bild klicken',
      'To view the full story, please subscribe to The Haitian Times.',
      'Pour lire la suite, abonnez-vous.',
      'Sie sind aktuell nicht eingeloggt.',
      'Submit your letter to the editor via this form',
      'Verraten Sie gerne in den Kommentaren:',
      'This article is the copyrighted property of Breaking Belize News.',
    ], true);
  });

  it('German rail headers without a colon go with their links', () => {
    for (const header of ['Meistgelesene Artikel', 'Meistdiskutierte Artikel', 'Weiterführende Links', 'Siehe auch', 'Zum Weiterlesen', 'Mehr Themen:']) expectRailRemoved(header);
  });

  it('sentences with the same words stay', () => {
    expectClutter([
      'Shutterstock, the picture agency, reported higher sales in the third quarter.',
      'Quelle des Streits war ein Brief des Bürgermeisters an die Schulen.',
      'To view the full moon at its best, go out after midnight, the observatory says.',
    ], false);
  });
});

describe('reprint notices, membership appeals, "also on" rails and metadata rows', () => {
  it('is clutter', () => {
    expectClutter([
      'This article is the copyrighted property of Breaking Belize News. Written permission must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.',
      'Copyright 2021 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.',
      'First-time subscribers also receive a special welcome gift handmade by expert artisans!',
      'Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.',
      'HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS',
      'Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken, Bilder | Rating: 0.0/0',
      'Views: 311 | Added by: admin | Rating: 4.5/2',
    ], true);
  });

  it('"also on" a site heads a rail', () => {
    for (const header of ['Auch auf gofeminin.de', 'Also on Example.com']) expectRailRemoved(header);
  });

  it('sentences with the same words stay', () => {
    expectClutter([
      'The court ruled that the photograph may not be published without written permission from the family, who had sued the paper.',
      'If you are seeing this message on a road sign, slow down: the bridge ahead is closed for repairs until March.',
      'Hazte una idea de lo que costará: el proyecto de ley prevé 300 millones de euros para las regiones.',
      'Der Rat traf sich um 19 Uhr | die Sitzung dauerte drei Stunden.',
    ], false);
  });
});

describe('affiliate and advertising disclosures', () => {
  it('are clutter in a paragraph of their own', () => {
    expectClutter(
      [
        'This post contains affiliate links. If you buy something through them, I may earn a small commission at no extra cost to you.',
        'We may earn a commission when you buy through links on this page.',
        'As an Amazon Associate I earn from qualifying purchases.',
        'Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler, z.B. für solche mit -Symbol.',
        'Bei den Verlinkungen handelt es sich um sogenannte Affiliate-Links.',
        '*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.',
        'Este artículo contiene enlaces de afiliados: si compras a través de ellos, podemos recibir una comisión.',
        "Cet article contient des liens d'affiliation.",
      ],
      true,
    );
  });

  it('are news when they do not speak of the page, or of its links paying the site', () => {
    expectClutter(
      [
        'The European Commission said this article of the treaty does not apply to the new fund.',
        'Affiliate links have become a large part of how review sites pay their writers, the study found.',
        'Die Händler erhalten eine Provision von drei Prozent, sagte der Sprecher.',
        'This post office will close in March, the council said.',
      ],
      false,
    );
  });
});

describe("a server's warnings printed into the page", () => {
  it('go with their line break, above the text and between two lines of a paragraph', () => {
    const root = block(
      '<br />\n<b>Warning</b>:  Creating default object from empty value in <b>/www/htdocs/site/wp-includes/classes.php</b> on line <b>407</b><br />\n' +
        '<p>First line.<br />\n<b>Notice</b>:  Undefined index: ratio in <b>/srv/theme/functions.php</b> on line <b>12</b><br />\nSecond line.</p>',
    );
    removeClutterText(root);
    expect(root.textContent).not.toContain('Creating default object');
    expect(root.textContent).not.toContain('Undefined index');
    expect(root.querySelector('p')!.innerHTML.replace(/\s+/g, ' ')).toBe('First line.<br> Second line.');
  });

  it('end where a block begins when no line break closes them (printed before the page\'s own markup)', () => {
    const root = block('<b>Strict Standards</b>:  Redefining already defined constructor for class wpdb in <b>/www/wp-includes/wp-db.php</b> on line <b>56</b>\n  <div><p>Malaga, die quirlige Metropole in Andalusien.</p></div>');
    removeClutterText(root);
    expect(root.textContent!.trim()).toBe('Malaga, die quirlige Metropole in Andalusien.');
  });

  it('stay when they are words of the text', () => {
    const html = '<p><b>Warning</b>: the bridge on line 4 of the tram network is closed in /Winter.</p><p><strong>Notice</strong>: the library opens at nine.</p>';
    const root = block(html);
    removeClutterText(root);
    expect(root.textContent).toContain('the bridge on line 4');
    expect(root.textContent).toContain('the library opens at nine');
  });
});

describe('the headline repeated at the top of the body', () => {
  const body = (heading: string): Element => block(`<h2>${heading}</h2><p>In Bee Simulator you play with up to four players in three modes, in split screen too.</p>`);

  it('goes, whole or cut short', () => {
    for (const heading of ['Bee Simulator: the life of a bee, for children', 'Bee Simulator: the life of a bee']) {
      const root = body(heading);
      removeRepeatedHeadline(root, 'Bee Simulator: the life of a bee, for children');
      expect(root.querySelector('h2'), heading).toBeNull();
    }
  });

  it('stays when a section heading only opens with a short title', () => {
    const root = body('Bee Simulator Multiplayer');
    removeRepeatedHeadline(root, 'Bee Simulator');
    expect(root.querySelector('h2')?.textContent).toBe('Bee Simulator Multiplayer');
  });
});
