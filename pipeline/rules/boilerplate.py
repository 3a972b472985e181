"""The boilerplate registry: what page chrome looks like in plain-text scrapes.

Grouped by kind; the order inside the tuple is the priority. Each rule says
why it exists and carries examples (``positive`` must match, ``negative``
must not); ``tests/test_rules.py`` checks them all. Patterns match one block
(one line of the page) and are anchored so that a sentence that merely
mentions "comments" or "support" stays in the body.
"""

from __future__ import annotations

from pipeline.rules.registry import Rule

WORDPRESS = (
    Rule("wp.comment_form_start", "wordpress", "boilerplate:wordpress",
         r"^(leave a (reply|comment)|post a comment|add a comment|write a comment)\b.{0,40}$",
         "WordPress/Blogger comment form heading; what follows is the comment area.",
         ("Leave a Reply", "Leave a Reply Cancel reply", "Leave a comment"),
         ("Leave a reply to this email if you want to join us next year.",),
         scope="section", section_label="comment"),
    Rule("wp.fill_details", "wordpress", "boilerplate:wordpress",
         r"^fill in your details below or click an icon to log in",
         "WordPress.com comment login prompt.",
         ("Fill in your details below or click an icon to log in: Logo",),
         ("Fill in the form below to apply for the grant.",)),
    Rule("wp.commenting_using", "wordpress", "boilerplate:wordpress",
         r"^you are commenting using your\b",
         "WordPress.com 'You are commenting using your X account. Log Out / Change' lines.",
         ("You are commenting using your Twitter account. Log Out / Change )",),
         ("You are using the wrong account.",)),
    Rule("wp.social_login_icon", "wordpress", "boilerplate:wordpress",
         r"^(wordpress\.com|twitter|facebook|google|gravatar)?\s*(logo|picture|photo|avatar)$",
         "Alt text of the social login icons in the WordPress.com comment form.",
         ("Twitter picture", "Facebook photo", "WordPress.com Logo", "Logo"),
         ("A photo of the protest", "Facebook photo leaks prompted an inquiry.")),
    Rule("wp.connecting", "wordpress", "boilerplate:wordpress",
         r"^connecting to %s$",
         "Unrendered WordPress.com format string in the comment form.",
         ("Connecting to %s",), ("Connecting to the grid took three years.",)),
    Rule("wp.email_not_published", "wordpress", "boilerplate:wordpress",
         r"^your email address will not be published|^required fields are marked",
         "WordPress core comment form notice.",
         ("Your email address will not be published. Required fields are marked *",),
         ("Your email address was published by the hackers.",)),
    Rule("wp.comment_form_fields", "wordpress", "boilerplate:wordpress",
         r"^(comment|name|email|website|url)\s*\*?\s*$|^save my name, email,? and website|"
         r"^notify me of (follow-up comments|new posts)|^post comment$|^cancel reply$|^submit comment$",
         "WordPress core comment form field labels and buttons.",
         ("Name *", "Save my name, email, and website in this browser for the next time I comment.",
          "Notify me of new posts via email.", "Cancel reply"),
         ("Name the place where it happened.",)),
    Rule("wp.blog_at", "wordpress", "boilerplate:wordpress",
         r"^(create a free website or )?blog at( wordpress\.com)?\.?$|^website powered by wordpress\.com\.?$|"
         r"^(proudly )?powered by wordpress\.?$|^theme:? .{0,40} by .{0,40}\.?$",
         "WordPress footer credit.",
         ("Blog at WordPress.com.", "Blog at", "Proudly powered by WordPress"),
         ("Blog at the heart of the controversy was taken down.",)),
    Rule("wp.likes", "wordpress", "boilerplate:wordpress",
         r"^(%d|\d+) bloggers? like[s]? this:?$|^like this:?$|^like loading\.*$|^loading\.\.\.$|"
         r"^be the first to like this\.?$|^related$",
         "Jetpack likes widget ('%d bloggers like this:' is its unrendered format string).",
         ("%d bloggers like this:", "Like this:", "Loading..."),
         ("Many bloggers like this approach to policy.",)),
    Rule("wp.thoughts_on", "wordpress", "comment",
         r"^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(thoughts?|responses?|comments?|replies)"
         r"\s+(on|to)\s+[\"“”'‘’«].{1,200}$",
         "WordPress core comment list heading ('3 thoughts on “Title”'); opens the comment section.",
         ("3 thoughts on “Russia Considers Iran an Ally”", "One response to “Ties That Bind”"),
         ("Three thoughts on the matter came up during the talks, he said.",),
         scope="section", section_label="comment", max_words=40),
)

COMMENT_WIDGETS = (
    Rule("wpdiscuz.notify", "comment_widget", "boilerplate:comment_widget",
         r"^notify of\s*$",
         "wpDiscuz header ('Notify of' subscription toggle); opens the comment section.",
         ("Notify of",), ("Notify of any changes in writing.",),
         scope="section", section_label="comment"),
    Rule("wpdiscuz.sorting", "comment_widget", "boilerplate:comment_widget",
         r"^(newest|oldest|most voted)(\s+(newest|oldest|most voted))*$|^inline feedbacks$|"
         r"^view all comments$|^load more comments$|^\d+\s+comments?$|^comments?\s*\(\d+\)$",
         "wpDiscuz sorting tabs and counters, also plain 'N comments' counters.",
         ("Newest Most Voted", "Inline Feedbacks", "View all comments", "12 comments"),
         ("The newest model was voted best in class.",),
         guarded=True, scope="section", section_label="comment"),
    Rule("wpdiscuz.thoughts", "comment_widget", "boilerplate:comment_widget",
         r"^would love your thoughts, please comment\.?x?$|^x$",
         "wpDiscuz bubble text ('Would love your thoughts, please comment.' plus its close 'x').",
         ("Would love your thoughts, please comment.x", "Would love your thoughts, please comment."),
         ("We would love your thoughts on the draft law, the minister said.",)),
    Rule("disqus.markers", "comment_widget", "boilerplate:comment_widget",
         r"^(comments powered by disqus|please enable javascript to view the comments powered by disqus\.?|"
         r"what do you think\?|\d+ comments?\s*(\|\s*)?sort by (best|newest|oldest)|sort by (best|newest|oldest)|"
         r"join the discussion(…|\.\.\.)?|share this discussion|start the discussion(…|\.\.\.)?|"
         r"log in with|or sign up with disqus.*|also on .{1,60})$",
         "Disqus embed text; opens the comment section.",
         ("comments powered by Disqus", "Join the discussion…", "Sort by Best"),
         ("What do you think the government will do next, asked the host.",),
         scope="section", section_label="comment"),
    Rule("comments.heading", "comment_widget", "boilerplate:comment_widget",
         r"^(comments?|reader comments|discussion|conversation|responses)\s*:?$|^(join|start) the (conversation|discussion)\b.{0,40}$|"
         r"^(show|view|load|hide|read) (all )?(\d+ )?comments?\b.{0,20}$|^add (a|your) comment\b.{0,40}$|"
         r"^you must be logged in to post a comment\.?$|^comments are closed\.?$",
         "Plain comment-area headings on news sites; opens the comment section (only after the article starts).",
         ("Comments", "Join the conversation", "View 12 comments", "Comments are closed."),
         ("Comments by the minister angered the opposition.",),
         guarded=True, scope="section", section_label="comment"),
    Rule("comments.author_date_line", "comment_widget", "comment",
         r"^.{1,60}?\s+on\s+([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})(,?\s+(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?)?\s+(said|says|wrote)\s*:?$|"
         r"^.{1,60}?\s+(said|says|wrote)\s*:?\s*([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})(,?\s+(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?)?$",
         "WordPress core comment header ('Jane on September 12, 2018 at 4:47 pm said:'); opens the comment section.",
         ("Milan Griffes on September 12, 2018 at 4:47 pm said:", "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:",
          "Nigel says: June 3, 2019 at 4:12 pm"),
         ("Posted on September 12, 2018 the report said the talks had failed after two days of meetings in Geneva.",
          "The minister says:", "By Al Root Updated Nov. 19, 2019 8:21 am ET"),
         scope="section", section_label="comment", max_words=20, flags=0),
    Rule("comments.akismet", "comment_widget", "boilerplate:comment_widget",
         r"^this site uses akismet to reduce spam\b.{0,80}$",
         "Akismet notice under WordPress comment forms.",
         ("This site uses Akismet to reduce spam. Learn how your comment data is processed.",),
         ("This site uses solar power.",)),
    Rule("comments.reply_link", "comment_widget", "boilerplate:comment_widget",
         r"^(reply|report|share|like|\d+\s+likes?|reply to @?\S+( \S+)?)\s*[↓↑]?$|^\d+\s+(years?|months?|days?|hours?|minutes?) ago$",
         "Per-comment action links and relative dates (Reply, Report, '3 years ago').",
         ("Reply", "3 years ago", "Report"),
         ("Reply to the letter was never sent.",)),
)

DONATION = (
    Rule("donation.support_outlet", "donation", "boilerplate:donation",
         r"^[Ss]upport\s+[A-Z][\w.-]+(\s+[A-Z][\w.-]+)?!?$|^([Pp]lease )?([Dd]onate|[Mm]ake a donation|[Bb]ecome a patron|"
         r"[Ss]upport (us|our work|independent journalism|this site))\b.{0,80}$",
         "Donation buttons ('Support SouthFront', 'Donate now', 'Support independent journalism').",
         ("Support SouthFront", "Donate now", "Support our work on Patreon"),
         ("Support for the measure grew after the vote.", "Support ended in 2015."),
         flags=0),
    Rule("donation.progress", "donation", "boilerplate:donation",
         r"^[$€£]?\s?\d{1,3}(,\d{3})*(\.\d+)?\s?[$€£]?\s*(raised|goal|of)?$",
         "Fund-raising progress figures ('0 $', '2,500 $', '$5,000 goal'), one per line.",
         ("0 $", "2,500 $", "$ 5,000", "3,048 $"),
         ("$50 billion", "2,500 soldiers")),
    Rule("subscribe.newsletter", "donation", "boilerplate:subscribe",
         r"^(subscribe|sign up)( now| today)?( to| for)? (our|the)? ?(free )?(newsletter|mailing list|email updates|daily digest)"
         r"|^enter your email( address)?|^get (our|the) (latest )?(news|stories|updates) (delivered|in your inbox)",
         "Newsletter and subscription widgets.",
         ("Subscribe to our newsletter", "Enter your email address to subscribe"),
         ("Subscribers to the newsletter said it was biased, the survey found.",)),
)

SHARE = (
    Rule("share.punctuation_residue", "share", "boilerplate:share",
         r"^[\s,;|·•/\\\-–—*#.:]+$",
         "What is left of tag and share bars after the links are stripped (', , , ,').",
         (", , ,", ", , , , , , , ,", "| | |", "• • •"),
         ("...and so on, he said",)),
    Rule("share.buttons", "share", "boilerplate:share",
         r"^(share|share this|share this article|share on|tweet|email|print|pin it|whatsapp|telegram|"
         r"facebook|twitter|linkedin|reddit|vk|pinterest)(\s*[:|/,]\s*|\s+)?"
         r"((share|tweet|email|print|facebook|twitter|linkedin|reddit|whatsapp|telegram|vk|pinterest|"
         r"on|this|article|post|story)[\s:|/,]*)*$",
         "Share buttons rendered as words ('Share this:', 'Tweet', 'Facebook Twitter Email').",
         ("Share this:", "Tweet", "Facebook Twitter Email Print", "Share on Facebook"),
         ("Share prices fell sharply on Monday.",)),
    Rule("share.tags", "share", "boilerplate:share",
         r"^(tags?|tagged|topics?|categories|category|filed under|posted in)\s*:.{0,200}$",
         "Tag and category lists.",
         ("Tags: Iran, Russia, Syria", "Filed under: World"),
         ("Tagged suspects were released, police said on Friday.",), max_words=40),
)

PROMO = (
    Rule("promo.author_site", "promo", "promo",
         r"^visit my (new )?(web ?site|blog)\b|^contact (me )?at\b|^follow (me|us) on (twitter|facebook|telegram|x)\b|"
         r"^(my|his|her) (newest|latest|new|two|three|recent)\b.{0,40}\bbooks?\b|^about the author\b",
         "Author self-promotion at the end of syndicated columns ('VISIT MY NEW WEB SITE', 'My newest book').",
         ("VISIT MY NEW WEB SITE: (Home – Stephen Lendman). Contact at", "My two Wall Street books are timely reading:",
          "My newest book as editor and contributor is titled “Flashpoint in Ukraine”"),
         ("His newest policy is a tax cut, reporters learned.", "Visit the museum website for hours."),
         scope="section", section_label="promo"),
    Rule("promo.email_contact", "promo", "promo",
         r"^(e-?mail|contact|write to)( me| us| the author)?( at)?\s*:?\s*[\w.+-]+@[\w-]+\.[\w.]+\.?$",
         "A lone contact line with an e-mail address.",
         ("Contact: editor@example.org", "Email me at jane.doe@example.com"),
         ("The minister said the email was never sent.",)),
)

RELATED = (
    Rule("related.heading", "related", "related",
         r"^(r\s?e\s?l\s?a\s?t\s?e\s?d(\s?(a\s?r\s?t\s?i\s?c\s?l\s?e\s?s|p\s?o\s?s\s?t\s?s|s\s?t\s?o\s?r\s?i\s?e\s?s|"
         r"n\s?e\s?w\s?s|c\s?o\s?n\s?t\s?e\s?n\s?t))?|you (may|might) also like|more from .{1,40}|"
         r"recommended( for you| stories| articles)?|more stories|trending( now| stories)?|most read|most popular|popular posts|"
         r"(read|see) (also|more)\s*:)\s*:?$",
         "Related-article section headings ('R E L A T E D :', 'Related posts', 'You may also like'); "
         "everything under them is another article's text.",
         ("R E L A T E D :", "Related Articles", "You may also like", "Read also:"),
         ("Related parties were questioned by the police.", "See also the appendix to the report for details.",
          "Read More"),
         guarded=True, scope="section", section_label="related"),
)

DISCLAIMER = (
    Rule("disclaimer.republishing", "disclaimer", "disclaimer",
         r"^re-?publications? (are|is) welcome|^(this article|this piece|it) (was )?(originally|first) "
         r"(published|appeared) (in|on|at|by)\b|^(reprinted|republished) (with permission|from)\b|"
         r"^you (may|can) (freely )?(republish|repost|reprint)|^creative commons",
         "Republishing notices and syndication footers.",
         ("Re-publications are welcome, but we kindly ask you,", "This article was originally published on RT."),
         ("Republicans are welcome to join, the senator said.",)),
    Rule("disclaimer.responsibility", "disclaimer", "disclaimer",
         r"^disclaimer\s*:|^note\s*:\s*(the )?(contents?|views|opinions|articles?|this (article|post|piece))\b|^(the )?(views|opinions) expressed (in this (article|piece|post) |here |herein )?"
         r"are (solely |those of |of |the )|^.{0,100}\bsole responsibility of (their|the) authors?|"
         r"^copyright owners can notify|^complaints and corrections|^all rights reserved|^©|^copyright ©?\s*\d{4}",
         "Editorial responsibility disclaimers and copyright lines.",
         ("NOTE: The contents of the articles, speeches or comments on this page are of sole responsibility of their authors.",
          "The views expressed in this article are solely those of the author.",
          "Copyright owners can notify their claims to us"),
         ("Note that the bridge opened in 1998.", "The views expressed by the crowd were mixed.",
          "Note: Garnet Hathaway was ejected from the game in the second period.")),
    Rule("disclaimer.network", "disclaimer", "disclaimer",
         r"^our network\s*\(|^our network of (sites|websites|pages|channels)\b|^(war press info network|syrian free press network)\b|"
         r"^submitted by\s+\S+\s*$|^(join|follow) (us|our channel) on\b",
         "Network self-descriptions and 'Submitted by' lines under syndicated posts.",
         ("Our network (Syrianfreepress.net, WarPress.info) and all related pages", "Submitted by SyrianPatriots",
          "War Press Info Network at:"),
         ("Our network of hospitals treated 300 people, the ministry said.",)),
)

CREDIT = (
    Rule("credit.translation", "credit", "credit",
         r"^(original(ly)? published (by|in|on|at)|source\s*:|translated (from \w+ )?by|translation (from \w+ )?by|"
         r"(\w+ )?translation by).{0,160}$|^.{0,120}?\btranslat(ed|ion) from (russian|persian|farsi|arabic|french|german|"
         r"spanish|chinese|turkish|ukrainian|italian|portuguese|polish|serbian|hebrew)\b.{0,80}$",
         "Translator and source credit lines; the translation stage reads them into metadata.",
         ("Original published by inosmi.ru; translation from Russian by J.Hawk", "Translated by Ed Ward",
          "Source: Kommersant"),
         ("The source said the talks failed and nobody knew why, as the minister later explained at length.",),
         max_words=30),
)

BYLINE = (
    Rule("byline.by", "byline", "byline",
         r"^([Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Aa]uthor:?)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}(\s*[,(|–—-].{0,120})?$",
         "Author bylines above the article ('by Stephen Lendman (… Home – Stephen Lendman)').",
         ("by Stephen Lendman ( – Home – Stephen Lendman)", "By Jane Doe, Reuters"),
         ("By the end of the year the plan had failed.",),
         scope="header", max_words=25, flags=0),
)

NAVIGATION = (
    Rule("nav.read_more_link", "navigation", "boilerplate:navigation",
         r"^(read|see|view|show|load) (more|all|full (story|article)|the full (story|article)|next)\s*[»›→>.…]*$|"
         r"^continue reading\b.{0,80}$",
         "Teaser buttons ('Read More', 'Continue reading'); unlike a 'Read also:' heading they open nothing.",
         ("Read More", "Continue reading →", "Read the full story"),
         ("Read more books, the minister told pupils.",)),
    Rule("nav.advertisement", "navigation", "boilerplate:advertising",
         r"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|"
         r"article continues (below|after (this )?advertisement))\s*[-–:]?$",
         "Ad slot labels left in the text flow.",
         ("Advertisement", "ADVERTISEMENT", "Story continues below advertisement"),
         ("Advertisement revenue fell by a third in 2019.",)),
    Rule("nav.cookies", "navigation", "boilerplate:cookies",
         r"^(we|this (web)?site) uses? cookies\b.{0,300}$|^(accept|allow|reject|manage) (all )?cookies\b.{0,30}$|"
         r"^by (continuing to (use|browse)|using) (this|our) (site|website)\b.{0,200}$",
         "Cookie consent banners.",
         ("We use cookies to improve your experience. By continuing you agree to our use of cookies.",
          "Accept all cookies"),
         ("We used cookies as bait, the researchers wrote.",)),
    Rule("nav.back_to_top", "navigation", "boilerplate:navigation",
         r"^(up|top|back to top|go to top|scroll to top)\s*[↑⬆▲^?]?$",
         "Back-to-top links ('Up ↑'; cp1252 pages lose the arrow to '?').",
         ("Up ↑", "Back to top", "Up ?"),
         ("Up the river they went.",)),
    Rule("nav.menu_words", "navigation", "boilerplate:navigation",
         r"^(home|menu|search|skip to (main )?content|previous|next|previous post|next post|"
         r"older posts|newer posts|previous article|next article)\s*[:»«›‹→←]?$",
         "Menu and pagination words standing alone on a line.",
         ("Skip to content", "Previous post", "Home"),
         ("Home is where the heart is, she wrote.",)),
)

ALL_RULES = WORDPRESS + COMMENT_WIDGETS + DONATION + SHARE + PROMO + RELATED + DISCLAIMER + CREDIT + BYLINE + NAVIGATION
