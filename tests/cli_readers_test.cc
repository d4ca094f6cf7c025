// End-to-end: `dyad segment` over damaged inputs. Good records still come out, every bad one is
// named "file:line: what" on stderr, and the exit status is 1 when any record failed, else 0.
#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "tests/cli_test_util.h"

namespace {

namespace fs = std::filesystem;

class CliReadersTest : public dyad::testing::CliTempDirTest {
 protected:
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // Runs `dyad segment ARGS --no-progress`; fills out_ and err_, returns the exit status.
  int Segment(const std::string& args) {
    const std::string out = dir_ + "/stdout", err = dir_ + "/stderr";
    std::string cmd = std::string(DYAD_BINARY) + " segment " + args + " --no-progress >" + out +
                      " 2>" + err;
    int status = std::system(cmd.c_str());
    out_ = Slurp(out);
    err_ = Slurp(err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string out_, err_;
};

using dyad::io::testing::Gzip;

TEST_F(CliReadersTest, GoodJsonlExitsZero) {
  std::string f = Write("good.jsonl", "{\"id\":\"a\",\"text\":\"Arnor attacked Gondor.\"}\n");
  EXPECT_EQ(Segment(f), 0) << err_;
  EXPECT_NE(out_.find("\"doc_id\":\"a\""), std::string::npos) << out_;
}

TEST_F(CliReadersTest, BadJsonlLinesAreNamedAndGoodOnesKept) {
  std::string f = Write("mixed.jsonl",
                        "{\"id\":\"first\",\"text\":\"Arnor attacked Gondor.\"}\n"
                        "{not json}\n"
                        "{\"id\":\"x\",\"text\":\"bad \xFF\"}\n"
                        "{\"id\":\"last\",\"text\":\"Gondor replied.\"}\n");
  EXPECT_EQ(Segment(f), 1);
  EXPECT_NE(out_.find("\"doc_id\":\"first\""), std::string::npos);
  EXPECT_NE(out_.find("\"doc_id\":\"last\""), std::string::npos);
  EXPECT_NE(err_.find(f + ":2: invalid JSON"), std::string::npos) << err_;
  EXPECT_NE(err_.find(f + ":3: invalid UTF-8 byte 0xFF at byte 22"), std::string::npos) << err_;
}

TEST_F(CliReadersTest, HugeLineIsSkipped) {
  std::string f = Write("big.jsonl", "{\"id\":\"a\",\"text\":\"Before.\"}\n{\"text\":\"" +
                                         std::string(3u << 20, 'x') +
                                         "\"}\n{\"id\":\"b\",\"text\":\"After.\"}\n");
  EXPECT_EQ(Segment(f + " --max-record-mb 1"), 1);
  EXPECT_NE(err_.find(f + ":2: record of more than 1 MiB"), std::string::npos) << err_;
  EXPECT_NE(out_.find("\"doc_id\":\"b\""), std::string::npos);
}

TEST_F(CliReadersTest, TruncatedGzipKeepsEarlierRecords) {
  std::string lines;
  for (int i = 0; i < 5000; ++i) {
    lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Arnor met Gondor on day " +
             std::to_string(i) + ".\"}\n";
  }
  std::string gz = Gzip(lines);
  std::string f = Write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  EXPECT_EQ(Segment(f), 1);
  EXPECT_NE(out_.find("\"doc_id\":\"d0\""), std::string::npos);
  EXPECT_NE(err_.find(f + ":"), std::string::npos);
  EXPECT_NE(err_.find("truncated gzip stream"), std::string::npos) << err_;
}

TEST_F(CliReadersTest, MissingFileBinaryFileAndEmptyDirectory) {
  std::string good = Write("ok.txt", "Arnor attacked Gondor.");
  std::string bin = Write("junk.txt", std::string("\x7F" "ELF\0\0\1", 7));
  fs::create_directories(dir_ + "/empty");
  EXPECT_EQ(Segment(dir_ + "/missing.jsonl " + bin + " " + dir_ + "/empty " + good), 1);
  EXPECT_NE(err_.find(dir_ + "/missing.jsonl: cannot open: No such file or directory"),
            std::string::npos)
      << err_;
  EXPECT_NE(err_.find(bin + ":1: binary data (NUL byte at byte 4)"), std::string::npos) << err_;
  EXPECT_NE(err_.find(dir_ + "/empty: no input files in directory"), std::string::npos) << err_;
  EXPECT_NE(out_.find("Arnor attacked Gondor."), std::string::npos);
}

TEST_F(CliReadersTest, BrokenXmlRecordAndTabariHeader) {
  std::string xml = Write("r.xml",
                          "<Sentences>\n"
                          "<Sentence id=\"bad\"><Text>a <b></Text></Sentence>\n"
                          "<Sentence id=\"good\" date=\"20150805\"><Text>Arnor attacked.</Text></Sentence>\n"
                          "</Sentences>\n");
  std::string tab = Write("v.text", "950101 OK\nGondor replied.\n\n9501201 BAD\nText.\n");
  EXPECT_EQ(Segment(xml + " " + tab), 1);
  EXPECT_NE(err_.find(xml + ":2: malformed XML"), std::string::npos) << err_;
  EXPECT_NE(err_.find(tab + ":4: bad TABARI record header"), std::string::npos) << err_;
  EXPECT_NE(out_.find("\"doc_id\":\"good\""), std::string::npos);
  EXPECT_NE(out_.find("\"doc_id\":\"OK\""), std::string::npos);
}

TEST_F(CliReadersTest, UnknownInputFormatIsAUsageError) {
  std::string f = Write("a.txt", "x");
  EXPECT_EQ(Segment(f + " --input-format csv"), 2);
}

}  // namespace
