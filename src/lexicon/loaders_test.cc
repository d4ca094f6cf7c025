// Unit tests for the dictionary loaders, on small hand-written fixtures in each format.
#include "lexicon/loaders.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace dyad::lexicon {
namespace {

std::vector<std::string> Messages(const std::vector<Diagnostic>& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d) out.push_back(x.ToString());
  return out;
}

bool HasMessage(const std::vector<Diagnostic>& d, std::string_view needle) {
  for (const Diagnostic& x : d) {
    if (x.ToString().find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string Words(const WordSeq& ws) {
  std::string s;
  for (const PatternWord& w : ws) {
    if (!s.empty()) s += ' ';
    s += w.kind == WordKind::kSynset ? "&" + w.text : w.text;
    if (w.joined) s += "_";
  }
  return s;
}

// ------------------------------------------------------------------------------------------------
// PETRARCH2 verbs

constexpr std::string_view kVerbs = R"(# header comment
&CURRENCY
+DOLLAR
+KRONER_
+SWISS_FRANC

&AUXVERB1_
+WAS

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING }  # comment
+CALL_OFF [160]
RE_+ARREST {RE_+ARRESTS RE_+ARRESTED}
- * &CURRENCY [071] # note
- $ * (TO +) [072:073]
- * {HUMANITARIAN AID} (FOR ^) [:074]
- &AUXVERB1 * [---]

~ a (a b ATTACK) SAY = a b 015
)";

TEST(PetrarchVerbsTest, ReadsSynsetsBlocksVerbsPatternsTransformations) {
  std::vector<Diagnostic> diags;
  auto dict = ParsePetrarchVerbs(kVerbs, "v.txt", VerbFormat::kPetrarch2, {}, &diags);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  ASSERT_EQ(dict->synsets.size(), 2u);
  EXPECT_EQ(dict->synsets[0].name, "CURRENCY");
  EXPECT_FALSE(dict->synsets[0].members[0].no_plural);
  EXPECT_TRUE(dict->synsets[0].members[1].no_plural);  // KRONER_
  EXPECT_EQ(Words(dict->synsets[0].members[2].words), "SWISS_ FRANC");
  EXPECT_TRUE(dict->synsets[1].no_plural);  // &AUXVERB1_
  EXPECT_EQ(dict->synsets[1].name, "AUXVERB1");

  ASSERT_EQ(dict->blocks.size(), 1u);
  const VerbBlock& b = dict->blocks[0];
  EXPECT_EQ(b.name, "GRANT");
  EXPECT_EQ(b.code.active, "070");
  ASSERT_EQ(b.verbs.size(), 4u);
  EXPECT_EQ(b.verbs[0].lemma.verb, "GRANT");
  EXPECT_EQ(b.verbs[0].regular_forms.size(), 3u);  // GRANTS GRANTED GRANTING
  EXPECT_EQ(b.verbs[0].regular_forms[1].verb, "GRANTED");
  EXPECT_TRUE(b.verbs[1].forms_listed);
  EXPECT_EQ(b.verbs[1].forms.size(), 3u);
  EXPECT_TRUE(b.verbs[1].regular_forms.empty());
  EXPECT_EQ(b.verbs[2].lemma.verb, "CALL");
  EXPECT_EQ(b.verbs[2].lemma.after, std::vector<std::string>{"OFF"});
  EXPECT_EQ(b.verbs[2].code.active, "160");
  EXPECT_TRUE(b.verbs[2].has_own_code);
  EXPECT_EQ(b.verbs[2].regular_forms[0].verb, "CALLS");
  EXPECT_EQ(b.verbs[2].regular_forms[0].after, std::vector<std::string>{"OFF"});
  EXPECT_EQ(b.verbs[3].lemma.before, std::vector<std::string>{"RE"});
  EXPECT_EQ(b.verbs[3].forms[1].verb, "ARRESTED");
  EXPECT_EQ(b.verbs[3].code.active, "070");

  ASSERT_EQ(b.patterns.size(), 4u);
  EXPECT_EQ(b.patterns[0].after[0].nouns[0].words[0].kind, WordKind::kSynset);
  EXPECT_EQ(dict->Where(b.patterns[0].where), "v.txt:15");
  const VerbPattern& p1 = b.patterns[1];
  EXPECT_EQ(p1.before[0].nouns[0].words[0].kind, WordKind::kSource);
  ASSERT_TRUE(p1.after[0].is_prep);
  EXPECT_EQ(p1.after[0].preposition.text, "TO");
  EXPECT_EQ(p1.after[0].nouns[0].words[0].kind, WordKind::kTarget);
  EXPECT_EQ(p1.code.active, "072");
  EXPECT_EQ(p1.code.passive, "073");
  const VerbPattern& p2 = b.patterns[2];
  EXPECT_EQ(Words(p2.after[0].nouns[0].words), "HUMANITARIAN AID");  // head is the last word
  EXPECT_EQ(p2.after[1].nouns[0].words[0].kind, WordKind::kSkip);
  EXPECT_EQ(p2.code.active, "");
  EXPECT_EQ(p2.code.passive, "074");
  EXPECT_TRUE(b.patterns[3].code.IsNull());

  ASSERT_EQ(dict->transformations.size(), 1u);
  EXPECT_EQ(dict->transformations[0].inner_verb, "ATTACK");
  EXPECT_EQ(dict->transformations[0].outer_verb, "SAY");
  EXPECT_EQ(dict->transformations[0].result_code, "015");

  ASSERT_NE(dict->Find("GAVE"), nullptr);
  ASSERT_NE(dict->Find("CALLED"), nullptr);
  EXPECT_EQ(dict->Find("CALLED")->at(0).verb, 2u);
  EXPECT_EQ(dict->Find("NOPE"), nullptr);
  EXPECT_EQ(dict->PatternCount(), 4u);
}

TEST(PetrarchVerbsTest, UniversalPetrarchGeneratesNoRegularForms) {
  auto dict = ParsePetrarchVerbs(kVerbs, "v.txt", VerbFormat::kUniversalPetrarch, {}, nullptr);
  ASSERT_TRUE(dict.ok());
  EXPECT_TRUE(dict->blocks[0].verbs[0].regular_forms.empty());
  EXPECT_EQ(dict->Find("GRANTED"), nullptr);
}

TEST(PetrarchVerbsTest, ReportsBadLinesAndKeepsGoing) {
  constexpr std::string_view kBad = R"(- * FOO [010]
--- B [abc def] ---
B
- * (TO BORDER [010]
- * {ARMS [010]
- * FOO [010
- FOO [010]
- * A * B [010]
- * &NOSUCH [010]
- * GOOD [020]
* (TO QUESTION) [110]
~ a b = c
B {BS
NOTHING_HERE_
)";
  std::vector<Diagnostic> diags;
  auto dict = ParsePetrarchVerbs(kBad, "bad.txt", VerbFormat::kPetrarch2, {}, &diags);
  ASSERT_TRUE(dict.ok());
  EXPECT_TRUE(HasMessage(diags, "bad.txt:1: pattern outside a verb block"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:2: malformed code in verb block header"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:4: unbalanced '('"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:5: unbalanced '{'"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:6: pattern without a [code]"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:7: pattern without the verb marker"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:8: pattern with more than one '*'"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:9: undefined synset &NOSUCH"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:11: pattern line without the leading '-'"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:12: malformed transformation"));
  EXPECT_TRUE(HasMessage(diags, "bad.txt:13: unbalanced '{' in verb forms"));
  ASSERT_EQ(dict->blocks.size(), 1u);
  EXPECT_EQ(dict->blocks[0].patterns.size(), 2u);  // GOOD and the '*' line
  EXPECT_EQ(dict->blocks[0].verbs.size(), 2u);     // B and NOTHING_HERE_
}

TEST(PetrarchVerbsTest, StrictModeFailsOnFirstProblem) {
  LoadOptions strict;
  strict.strict = true;
  auto dict = ParsePetrarchVerbs("--- A [010] ---\nA\n- * B\n", "s.txt", VerbFormat::kPetrarch2, strict, nullptr);
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(dict.status().message(), "s.txt:3: pattern without a [code]; skipped");
}

TEST(PetrarchVerbsTest, XmlCommentsAndCommentMarkersInsideCodes) {
  constexpr std::string_view kText = "<!-- one\ntwo -->\n--- A [010] ---\nA <!-- x --> \n- * B [###] # c\n";
  std::vector<Diagnostic> diags;
  auto dict = ParsePetrarchVerbs(kText, "c.txt", VerbFormat::kPetrarch2, {}, &diags);
  ASSERT_TRUE(dict.ok());
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  ASSERT_EQ(dict->blocks[0].patterns.size(), 1u);
  EXPECT_EQ(dict->blocks[0].patterns[0].code.active, "###");
}

TEST(LoaderTest, MissingFileIsNotFound) {
  auto dict = LoadPetrarchVerbs("/nonexistent/dir/verbs.txt", VerbFormat::kPetrarch2, {}, nullptr);
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), StatusCode::kNotFound);
  std::vector<std::string> paths{"/nonexistent/a.txt"};
  EXPECT_EQ(LoadActors(paths, {}, nullptr).status().code(), StatusCode::kNotFound);
}

TEST(LoaderTest, Latin1LinesAreTranscodedWithAWarning) {
  std::string text = "CAF\xC9_ [FRA]\n";  // Latin-1 E acute
  std::vector<Diagnostic> diags;
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors(text, "l.txt", {}, &dict, &diags).ok());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].ToString().find("l.txt:1: invalid UTF-8"), std::string::npos);
  EXPECT_NE(diags[0].message.find("Latin-1"), std::string::npos);
  EXPECT_EQ(dict.actors[0].phrases[0].words[0].text, "CAF\xC3\x89");
}

TEST(LoaderTest, CrlfBomAndOverlongLines) {
  LoadOptions opts;
  opts.max_line_bytes = 40;
  std::string text = "\xEF\xBB\xBF" "A [AAA]\r\nB [BBB]\r\n" + std::string(50, 'C') + " [CCC]\n";
  std::vector<Diagnostic> diags;
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors(text, "x.txt", opts, &dict, &diags).ok());
  ASSERT_EQ(dict.actors.size(), 2u);
  EXPECT_EQ(dict.actors[1].codes[0].code, "BBB");
  EXPECT_TRUE(HasMessage(diags, "x.txt:3: line of 56 bytes"));
}

// ------------------------------------------------------------------------------------------------
// Actors

TEST(ActorsTest, PrimarySynonymsAndDatedCodes) {
  constexpr std::string_view kText = R"(# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL # city

HAMID_KARZAI_  # CountryInfo.txt
	[AFGELI 570101-011222]
	[AFGGOV >011222]
	[AFGELI <570101]
	[AFGELI]
ABN_AMRO_	[NLDGOVBUS >20081004][MNCNLD]	# two codes
GOLLUM ; TABARI comment
	[HOB < 950601]
	[HOBGOV 950601 - 990815]
)";
  std::vector<Diagnostic> diags;
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors(kText, "a.txt", {}, &dict, &diags).ok());
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  ASSERT_EQ(dict.actors.size(), 4u);
  const Actor& afg = dict.actors[0];
  ASSERT_EQ(afg.phrases.size(), 3u);
  EXPECT_EQ(afg.phrases[1].words[0].text, "AFGHAN");
  EXPECT_TRUE(afg.phrases[1].words[0].exact);
  EXPECT_EQ(afg.codes[0].code, "AFG");
  const Actor& karzai = dict.actors[1];
  EXPECT_EQ(Words(karzai.phrases[0].words), "HAMID_ KARZAI");
  ASSERT_EQ(karzai.codes.size(), 4u);
  using namespace std::chrono;
  EXPECT_EQ(*karzai.codes[0].from, year_month_day(year(1957), January, day(1)));
  EXPECT_EQ(*karzai.codes[0].until, year_month_day(year(2001), December, day(22)));
  EXPECT_TRUE(karzai.codes[1].from && !karzai.codes[1].until);
  EXPECT_TRUE(!karzai.codes[2].from && karzai.codes[2].until);
  EXPECT_EQ(ActorDictionary::CodeFor(karzai, year_month_day(year(2005), May, day(1)))->code, "AFGGOV");
  EXPECT_EQ(ActorDictionary::CodeFor(karzai, year_month_day(year(1990), May, day(1)))->code, "AFGELI");
  EXPECT_EQ(ActorDictionary::CodeFor(karzai, year_month_day(year(2001), December, day(22)))->code, "AFGGOV");
  EXPECT_EQ(dict.actors[2].codes.size(), 2u);
  EXPECT_EQ(*dict.actors[2].codes[0].from, year_month_day(year(2008), October, day(4)));
  EXPECT_EQ(dict.actors[3].codes.size(), 2u);  // blanks inside the date part are tolerated
  EXPECT_EQ(dict.Where(dict.actors[1].codes[1].where), "a.txt:8");
}

// 100,000 lines of the same four-line entry, as when a file is concatenated with itself: loading
// stays linear and keeps every entry; `dyad dict check` reports the duplicates (dyad_format_test).
TEST(ActorsTest, HundredThousandLinesOfDuplicates) {
  std::string text;
  for (int i = 0; i < 25000; ++i) text += "IRAN_ [IRN]\n+ISLAMIC_REPUBLIC_OF_IRAN\nHASSAN_ROUHANI_\n\t[IRNGOV 130803-210803]\n";
  auto start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> diags;
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors(text, "big.txt", {}, &dict, &diags).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  ASSERT_EQ(dict.actors.size(), 50000u);
  EXPECT_EQ(dict.Where(dict.actors.back().codes[0].where), "big.txt:100000");
}

TEST(ActorsTest, ReportsBadCodesAndDates) {
  constexpr std::string_view kText = R"(	[XXX]
+ORPHAN
A_ [AAA 9008223-911221]
B_ [BBB 20121207-20120802]
C_ [CCC 20121204]
D_ [EEE
E_ []
F_ [FFF] Newspapers $137,000,000
G_ [991201-010114]
H_
I]_
_ [JJJ]
<NOUN>
GOATS
</NOUN>
<VERB>
)";
  std::vector<Diagnostic> diags;
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors(kText, "b.txt", {}, &dict, &diags).ok());
  EXPECT_TRUE(HasMessage(diags, "b.txt:1: code line before any actor"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:2: synonym '+' before any actor"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:3: malformed date '9008223'"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:4: date range ends before it starts"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:5: date without '<', '>' or a range"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:6: unbalanced '['"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:7: empty code []"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:8: text after the actor code ignored"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:9: code missing before the date"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:10: actor has no code"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:11: unbalanced ']'"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:12: code with no phrase"));
  EXPECT_TRUE(HasMessage(diags, "b.txt:16: unknown section tag '<VERB>'"));
  EXPECT_EQ(dict.nouns.size(), 1u);
  EXPECT_EQ(dict.actors[2].codes.size(), 1u);  // C_ kept as ">date"
  EXPECT_EQ(dict.actors[5].codes[0].code, "FFF");
}

TEST(ActorsTest, SeveralFilesKeepTheirOwnLocations) {
  ActorDictionary dict;
  ASSERT_TRUE(ParseActors("A [AAA]\n", "one.txt", {}, &dict, nullptr).ok());
  ASSERT_TRUE(ParseActors("\nB [BBB]\n~~FINISH\nGARBAGE [\n", "dir/two.txt", {}, &dict, nullptr).ok());
  ASSERT_EQ(dict.actors.size(), 2u);
  EXPECT_EQ(dict.Where(dict.actors[1].where), "two.txt:2");
}

// ------------------------------------------------------------------------------------------------
// Agents, discards, issues

TEST(AgentsTest, PluralsSubstitutionsAndPlacement) {
  constexpr std::string_view kText = R"(!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
ARMY [~MIL]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY [NGO~]
CONGRESS!PERSON! [~LEG]
!MINIST!_OF_!PERSON! [~GOV]
)";
  std::vector<Diagnostic> diags;
  AgentDictionary dict;
  ASSERT_TRUE(ParseAgents(kText, "g.txt", false, {}, &dict, &diags).ok());
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  std::vector<std::string> phrases;
  for (const Agent& a : dict.agents) phrases.push_back(Words(a.words) + "=" + (a.prefix ? a.code + "~" : "~" + a.code));
  EXPECT_EQ(phrases, (std::vector<std::string>{
                         "ARMY=~MIL", "ARMIES=~MIL", "POLICE=~COP", "ATTORNEY_ GENERAL=~GOVATG",
                         "ATTORNEYS_ GENERAL=~GOVATG", "HUMAN_ RIGHTS_ BODY=NGO~", "HUMAN_ RIGHTS_ BODIES=NGO~",
                         "CONGRESSMAN=~LEG", "CONGRESSWOMAN=~LEG", "MINISTER_ OF_ MAN=~GOV",
                         "MINISTER_ OF_ WOMAN=~GOV", "MINISTRY_ OF_ MAN=~GOV", "MINISTRY_ OF_ WOMAN=~GOV"}));
  EXPECT_TRUE(dict.agents[1].generated);
}

TEST(AgentsTest, TabariSyntaxAndErrors) {
  constexpr std::string_view kText = R"(PRESIDENT_  [ ~GOVPRS] ;ns 6/26/01
RIGHTS_GROUPS_   [  NGO~] ;sls
DEPARMENT [~ENV}
ISLAMIC_EXTREMIST
!BAD = X
X!NOPE! [~A]
Y [GOV]
Z [~]
)";
  std::vector<Diagnostic> diags;
  AgentDictionary dict;
  ASSERT_TRUE(ParseAgents(kText, "t.agents", true, {}, &dict, &diags).ok());
  EXPECT_EQ(dict.agents.size(), 3u);  // no generated plurals in TABARI mode; Y kept
  EXPECT_EQ(dict.agents[0].code, "GOVPRS");
  EXPECT_TRUE(dict.agents[1].prefix);
  EXPECT_TRUE(HasMessage(diags, "t.agents:3: unbalanced '['"));
  EXPECT_TRUE(HasMessage(diags, "t.agents:4: agent without a [code]"));
  EXPECT_TRUE(HasMessage(diags, "t.agents:5: substitution set incorrectly defined"));
  EXPECT_TRUE(HasMessage(diags, "t.agents:6: substitution set !NOPE! is not defined"));
  EXPECT_TRUE(HasMessage(diags, "t.agents:7: agent code without '~'"));
  EXPECT_TRUE(HasMessage(diags, "t.agents:8: empty or malformed agent code"));
}

TEST(DiscardsTest, SentenceAndStoryLevel) {
  std::vector<Diagnostic> diags;
  DiscardList list;
  ASSERT_TRUE(ParseDiscards("+ACADEMY AWARD   # LRP\nbaseball_\n\n+[X]\n", "d.txt", {}, &list, &diags).ok());
  ASSERT_EQ(list.discards.size(), 2u);
  EXPECT_TRUE(list.discards[0].story);
  EXPECT_EQ(Words(list.discards[0].words), "ACADEMY AWARD");
  EXPECT_FALSE(list.discards[1].story);
  EXPECT_TRUE(list.discards[1].words[0].exact);
  EXPECT_EQ(list.discards[1].words[0].text, "BASEBALL");
  EXPECT_TRUE(HasMessage(diags, "d.txt:4: brackets"));
}

TEST(IssuesTest, CategoriesExpansionsAndIgnores) {
  constexpr std::string_view kText = R"(<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:school [SCHOOLS]
pre+k [EARLY]
v:purge [PURGE] # comment
~a head start
~~armenian genocide
no code here
</ISSUE>
</ISSUE>
<ISSUE CATEGORY="X">
)";
  std::vector<Diagnostic> diags;
  IssueList list;
  ASSERT_TRUE(ParseIssues(kText, "i.txt", {}, &list, &diags).ok());
  ASSERT_EQ(list.categories.size(), 2u);
  EXPECT_EQ(list.categories[0].name, "EDUCATION");
  EXPECT_EQ(list.categories[0].type, "ALL");
  std::vector<std::string> forms;
  for (const IssuePhrase& p : list.phrases) {
    std::string s;
    for (const std::string& w : p.words) s += (s.empty() ? "" : " ") + w;
    forms.push_back(s + "/" + (p.kind == IssuePhrase::kCode ? p.code : p.kind == IssuePhrase::kIgnoreSentence ? "~" : "~~"));
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"SCHOOL/SCHOOLS", "SCHOOLS/SCHOOLS", "PRE K/EARLY", "PRE-K/EARLY",
                                             "PURGE/PURGE", "PURGES/PURGE", "PURGED/PURGE", "PURGING/PURGE",
                                             "A HEAD START/~", "ARMENIAN GENOCIDE/~~"}));
  EXPECT_EQ(list.phrases[0].category, 0);
  EXPECT_TRUE(HasMessage(diags, "i.txt:7: issue phrase without a [code]"));
  EXPECT_TRUE(HasMessage(diags, "i.txt:9: </ISSUE> without an open <ISSUE>"));
  EXPECT_TRUE(HasMessage(diags, "i.txt: <ISSUE> block not closed"));
}

TEST(IssuesTest, ExpansionIsBounded) {
  LoadOptions opts;
  opts.max_expansions = 64;
  std::string line = "<ISSUE CATEGORY=\"A\">\n";
  for (int i = 0; i < 12; ++i) line += "n:a+b ";
  line += "[X]\n</ISSUE>\n";
  std::vector<Diagnostic> diags;
  IssueList list;
  ASSERT_TRUE(ParseIssues(line, "big.txt", opts, &list, &diags).ok());
  EXPECT_TRUE(list.phrases.empty());
  EXPECT_TRUE(HasMessage(diags, "big.txt:2: issue phrase expands to more than 64 forms"));
}

// ------------------------------------------------------------------------------------------------
// TABARI / PETRARCH-1 linear verbs, options, project

constexpr std::string_view kTabariVerbs = R"(<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC_
&TIEPHRASE
+&TIETYPES_MEMOS
</SYNSETS>
<TIME>
LAST_WEEK [-7]
- * AND A WEEK [+8]
</TIME>
ACCORD  [---] ;comment
- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111] ; test
- IN_*  [075]
- * TO_LET_ESCAPE [066]
- % HAVE *  [032]
- $ * ^ TO_ +  [124]
BREAK_ [1717]
{ BROKE_ BROKEN_ }
- *_OFF_  [195]
ATTEND  [031!]
BAN= [191]
REPORT [025?]
APPRECIATE POSITION  [042]
~~FINISH 16:47
JUNK [
)";

TEST(LinearVerbsTest, TabariSyntax) {
  std::vector<Diagnostic> diags;
  auto dict = ParseLinearVerbs(kTabariVerbs, "T.verbs", VerbFormat::kTabari, {}, &diags);
  ASSERT_TRUE(dict.ok());
  EXPECT_TRUE(diags.empty()) << ::testing::PrintToString(Messages(diags));
  ASSERT_EQ(dict->synsets.size(), 2u);
  EXPECT_TRUE(dict->synsets[0].members[1].no_plural);
  EXPECT_EQ(dict->synsets[1].members[0].words[0].kind, WordKind::kSynset);
  EXPECT_TRUE(dict->synsets[1].members[0].words[0].joined);
  ASSERT_EQ(dict->time_phrases.size(), 1u);
  EXPECT_EQ(dict->time_phrases[0].second.active, "-7");
  ASSERT_EQ(dict->blocks.size(), 6u);
  const VerbBlock& accord = dict->blocks[0];
  EXPECT_EQ(accord.name, "ACCORD");
  ASSERT_EQ(accord.linear_patterns.size(), 5u);
  const LinearPattern& p0 = accord.linear_patterns[0];
  EXPECT_EQ(p0.before.size(), 2u);
  EXPECT_EQ(p0.before[1].kind, WordKind::kTarget);
  EXPECT_TRUE(p0.before[0].joined);
  EXPECT_FALSE(p0.verb_joined_before);  // "+ *": a blank before the verb
  ASSERT_EQ(p0.after.size(), 3u);
  EXPECT_TRUE(p0.after[0].joined);
  EXPECT_EQ(p0.after[1].kind, WordKind::kAlternatives);
  ASSERT_EQ(p0.after[1].alternatives.size(), 2u);
  EXPECT_TRUE(p0.after[1].alternatives[0][0].exact);
  EXPECT_TRUE(p0.after[1].joined);
  EXPECT_EQ(p0.after[2].text, "CONVENTIONS");
  EXPECT_TRUE(accord.linear_patterns[1].verb_joined_before);
  EXPECT_EQ(accord.linear_patterns[3].before[0].kind, WordKind::kCompound);
  EXPECT_EQ(accord.linear_patterns[4].after[0].kind, WordKind::kSkip);
  const VerbBlock& brk = dict->blocks[1];
  EXPECT_EQ(brk.verbs[0].forms.size(), 2u);
  EXPECT_TRUE(brk.linear_patterns[0].verb_joined_after);
  EXPECT_TRUE(brk.linear_patterns[0].after[0].exact);
  EXPECT_TRUE(dict->blocks[2].code.bang);
  EXPECT_EQ(dict->blocks[3].verbs[0].lemma.verb, "BAN");
  EXPECT_TRUE(dict->blocks[4].code.question);
  EXPECT_EQ(dict->blocks[5].verbs[0].lemma.after, std::vector<std::string>{"POSITION"});
  ASSERT_NE(dict->Find("BROKEN"), nullptr);
}

TEST(LinearVerbsTest, Petrarch1SyntaxAndErrors) {
  constexpr std::string_view kText = R"(<!-- header -->
<!-- multi
line -->
&NEGSYN
+NEVER
--- DELAY [120]  [031:031] ---
DELAY
WIRE_+TAP {WIRE_+TAPPED}
- SO IN_AND_*_OUT_AGAIN NOW [074] # c
- * DIPLXMATIC  [###]
- * { A | B [010]
- * A [010
- A B [010]
- * X * [010]
)";
  std::vector<Diagnostic> diags;
  auto dict = ParseLinearVerbs(kText, "p1.txt", VerbFormat::kPetrarch1, {}, &diags);
  ASSERT_TRUE(dict.ok());
  ASSERT_EQ(dict->blocks.size(), 1u);
  const VerbBlock& b = dict->blocks[0];
  EXPECT_EQ(b.code.active, "120");
  EXPECT_EQ(b.verbs[1].lemma.before, std::vector<std::string>{"WIRE"});
  EXPECT_EQ(b.verbs[1].lemma.verb, "TAP");
  ASSERT_EQ(b.linear_patterns.size(), 2u);
  EXPECT_EQ(Words(b.linear_patterns[0].before), "SO IN_ AND_");
  EXPECT_EQ(Words(b.linear_patterns[0].after), "OUT_ AGAIN NOW");
  EXPECT_EQ(b.linear_patterns[1].code.active, "###");
  EXPECT_TRUE(HasMessage(diags, "p1.txt:6: more than one code"));
  EXPECT_TRUE(HasMessage(diags, "p1.txt:11: pattern: unbalanced '{'"));
  EXPECT_TRUE(HasMessage(diags, "p1.txt:12: pattern: unbalanced '['"));
  EXPECT_TRUE(HasMessage(diags, "p1.txt:13: pattern without the verb marker"));
  EXPECT_TRUE(HasMessage(diags, "p1.txt:14: pattern with more than one '*'"));
}

TEST(TabariOptionsTest, CommandsLabelsAndUnknownDirectives) {
  constexpr std::string_view kText = "// c\nCOMPLEX: VERBS[5] CONJ[4]\nSET: SKIP RECORDS = FALSE\n"
                                     "LABEL: 010=YIELD\nFROB: 1\n~~~~~\nanything\n";
  std::vector<Diagnostic> diags;
  TabariOptions opts;
  ASSERT_TRUE(ParseTabariOptions(kText, "v.options", {}, &opts, &diags).ok());
  EXPECT_EQ(opts.options.size(), 3u);
  EXPECT_EQ(opts.options[1].value, "SKIP RECORDS = FALSE");
  ASSERT_EQ(opts.labels.size(), 1u);
  EXPECT_EQ(opts.labels[0].second, "YIELD");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].ToString(), "v.options:5: unknown option directive 'FROB'; skipped");
}

TEST(TabariProjectTest, FilesResolvedAgainstTheProjectFolder) {
  constexpr std::string_view kText = "Validation file\n<actorsfile> \tA.actors\n<verbsfile> V.verbs\n"
                                     "<optionsfile> V.options\n<agentsfile>  V.agents\n<textfile> V.text\n"
                                     "<coder> VALDT\n<session 1> <coder ***>\n<bogus> x\n<eventfile>\n";
  std::vector<Diagnostic> diags;
  auto p = ParseTabariProject(kText, "V.project", "/data/tab", {}, &diags);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->description, "Validation file");
  EXPECT_EQ(p->actors_files, std::vector<std::string>{"/data/tab/A.actors"});
  EXPECT_EQ(p->options_file, "/data/tab/V.options");
  EXPECT_EQ(p->coder, "VALDT");
  EXPECT_EQ(p->sessions, 1);
  EXPECT_TRUE(HasMessage(diags, "V.project:9: unknown project directive <BOGUS>"));
  EXPECT_TRUE(HasMessage(diags, "V.project:10: <EVENTFILE> without a value"));
}

// ------------------------------------------------------------------------------------------------
// Damaged input never crashes: a fixed-seed complement of the fuzz targets (fuzz/lexicon_*), run
// by every build.

TEST(CorruptionTest, RandomBytesAndTruncationsNeverCrash) {
  std::string corpus = std::string(kVerbs) + std::string(kTabariVerbs) +
                       "A [AAA >2008]\n\t[B 0101-]\n!X! = a,\nQ!X!!X! [~Q]\n<ISSUE CATEGORY=\"\n~~\n{ { { |\n";
  std::mt19937 rng(42);
  const char kAlphabet[] = "[]{}()<>!~&+-*$^%_|#;:= \n\tAZ09\xC3\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text = corpus.substr(0, rng() % (corpus.size() + 1));
    for (int k = 0; k < 20; ++k) {
      if (text.empty()) break;
      text[rng() % text.size()] = kAlphabet[rng() % (sizeof(kAlphabet) - 1)];
    }
    std::vector<Diagnostic> diags;
    (void)ParsePetrarchVerbs(text, "f", VerbFormat::kPetrarch2, {}, &diags);
    (void)ParseLinearVerbs(text, "f", VerbFormat::kTabari, {}, &diags);
    (void)ParseLinearVerbs(text, "f", VerbFormat::kPetrarch1, {}, &diags);
    ActorDictionary actors;
    (void)ParseActors(text, "f", {}, &actors, &diags);
    AgentDictionary agents;
    (void)ParseAgents(text, "f", false, {}, &agents, &diags);
    DiscardList discards;
    (void)ParseDiscards(text, "f", {}, &discards, &diags);
    IssueList issues;
    (void)ParseIssues(text, "f", {}, &issues, &diags);
    TabariOptions options;
    (void)ParseTabariOptions(text, "f", {}, &options, &diags);
    (void)ParseTabariProject(text, "f", "", {}, &diags);
  }
  SUCCEED();
}

TEST(RegularFormsTest, PetrarchRules) {
  EXPECT_EQ(RegularVerbForms("ATTACK"), (std::vector<std::string>{"ATTACKS", "ATTACKED", "ATTACKING"}));
  EXPECT_EQ(RegularVerbForms("RELEASE"), (std::vector<std::string>{"RELEASES", "RELEASED", "RELEASING"}));
  EXPECT_EQ(RegularVerbForms("FREE"), (std::vector<std::string>{"FREES", "FREED", "FREEING"}));
  EXPECT_EQ(RegularVerbForms("CARRY"), (std::vector<std::string>{"CARRIES", "CARRYED", "CARRYING"}));
  EXPECT_EQ(RegularVerbForms("FIX"), (std::vector<std::string>{"FIXES", "FIXED", "FIXING"}));
  EXPECT_EQ(RegularPlural("PARTY"), "PARTIES");
  EXPECT_EQ(RegularPlural("BUS"), "BUSES");
  EXPECT_EQ(RegularPlural("ARMY"), "ARMIES");
}

}  // namespace
}  // namespace dyad::lexicon
