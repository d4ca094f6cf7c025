#include "nlp/parser.h"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "model/tagset.h"
#include "nlp/hash.h"
#include "nlp/text_features.h"

namespace dyad::nlp {

namespace {

enum Move : int { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3, kNumMoves = 4 };
constexpr int kLabels = model::kDeprelCount;
constexpr size_t kMaxFeatures = 112;
// The second labeling pass revisits only arcs whose first label won by less than this (on the
// int16 weight scale): about a quarter of the arcs on EWT dev, with the whole LAS gain of
// revisiting all of them (data/models/README.md).
constexpr int32_t kRelabelMargin = 30000;
constexpr uint64_t kRootWord = 0x5200700001ULL, kNoneWord = 0x4e0e0001ULL;
constexpr uint64_t kRootTag = 200, kNoneTag = 201;

using Node = ParserWorkspace::Node;

// The parser state over a workspace. Tokens are 0..n-1, the root is n (last in the buffer);
// workspace arrays are indexed by token + 1 so that -1 ("none") reads a neutral entry.
class State {
 public:
  State(ParserWorkspace& ws, int n) : ws_(ws), n_(n) {
    ws.nodes.assign(n + 2, Node{-1, -1, -1, -1, -1, 0, 0, 0, {0, 0}, {0, 0}});
    ws.in_stack.assign(n + 2, 0);
    ws.stack.clear();
    b_ = 0;
  }

  bool Terminal() const { return ws_.stack.empty() && b_ == n_; }
  int S0() const { return ws_.stack.empty() ? -1 : ws_.stack.back(); }
  int S1() const { return ws_.stack.size() < 2 ? -1 : ws_.stack[ws_.stack.size() - 2]; }
  int B0() const { return b_; }
  int B(int k) const { return b_ + k <= n_ ? b_ + k : -1; }
  const Node& N(int i) const { return ws_.nodes[i + 1]; }
  Node& N(int i) { return ws_.nodes[i + 1]; }
  int n() const { return n_; }
  bool InStack(int i) const { return ws_.in_stack[i + 1] != 0; }

  bool Valid(int m) const {
    switch (m) {
      case kShift: return b_ < n_;
      case kReduce: return !ws_.stack.empty() && N(S0()).head >= 0;
      case kLeft: return !ws_.stack.empty() && N(S0()).head < 0;
      case kRight: return !ws_.stack.empty() && b_ < n_;
    }
    return false;
  }

  // Applies a valid move; for arcs, `label` is the relation (ignored for the root).
  void Apply(int m, uint8_t label) {
    switch (m) {
      case kShift: Push(b_++); break;
      case kReduce: Pop(); break;
      case kLeft: {
        int s0 = S0();
        AddArc(b_, s0, b_ == n_ ? model::kDeprelRoot : label);
        Pop();
        break;
      }
      case kRight: {
        AddArc(S0(), b_, label);
        Push(b_++);
        break;
      }
    }
  }

  void AddArc(int h, int d, uint8_t label) {
    Node& dn = N(d);
    dn.head = h;
    dn.label = label;
    Node& hn = N(h);
    if (d < h) {
      if (hn.l1 < 0 || d < hn.l1) { hn.l2 = hn.l1; hn.l1 = d; }
      else if (hn.l2 < 0 || d < hn.l2) hn.l2 = d;
      hn.vl++;
      hn.left_labels[label >> 6] |= uint64_t{1} << (label & 63);
    } else {
      if (hn.r1 < 0 || d > hn.r1) { hn.r2 = hn.r1; hn.r1 = d; }
      else if (hn.r2 < 0 || d > hn.r2) hn.r2 = d;
      hn.vr++;
      hn.right_labels[label >> 6] |= uint64_t{1} << (label & 63);
    }
  }

  // Costs of the four moves against gold heads (Goldberg & Nivre 2012): how many gold arcs
  // each would make unreachable. `gold[i]` is the gold head of token i, n for the root.
  void Costs(const int32_t* gold, int* cost) const {
    const int s0 = S0();
    const int b = b_;
    cost[kShift] = cost[kReduce] = cost[kLeft] = cost[kRight] = 0;
    if (b < n_) {
      // b's head or headless dependents in the stack are lost by SHIFT; RIGHT keeps s0 -> b.
      int head_in_stack = gold[b] <= n_ && gold[b] >= 0 && gold[b] < n_ && InStack(gold[b]) ? 1 : 0;
      int deps_in_stack = 0;
      for (int k : ws_.stack) deps_in_stack += gold[k] == b && N(k).head < 0;
      cost[kShift] = head_in_stack + deps_in_stack;
      if (s0 >= 0) {
        bool head_elsewhere = gold[b] != s0 && (gold[b] > b || (gold[b] < n_ && InStack(gold[b])));
        cost[kRight] = (head_elsewhere ? 1 : 0) + deps_in_stack;
      }
    }
    if (s0 >= 0) {
      int deps_in_buffer = 0;
      for (int k = b; k < n_; ++k) deps_in_buffer += gold[k] == s0;
      cost[kReduce] = deps_in_buffer;
      cost[kLeft] = deps_in_buffer + (gold[s0] != b && gold[s0] > b ? 1 : 0);
    }
  }

 private:
  void Push(int i) {
    ws_.stack.push_back(i);
    ws_.in_stack[i + 1] = 1;
  }
  void Pop() {
    ws_.in_stack[ws_.stack.back() + 1] = 0;
    ws_.stack.pop_back();
  }

  ParserWorkspace& ws_;
  int n_;
  int b_;
};

enum TransitionTemplate : uint32_t {
  kS0w, kS0p, kS0wp, kN0w, kN0p, kN0wp, kN1w, kN1p, kN1wp, kN2w, kN2p, kN2wp,
  kS0wpN0wp, kS0wpN0w, kS0wN0wp, kS0wpN0p, kS0pN0wp, kS0wN0w, kS0pN0p, kN0pN1p,
  kN0pN1pN2p, kS0pN0pN1p, kS0hpS0pN0p, kS0pS0lpN0p, kS0pS0rpN0p, kS0pN0pN0lp,
  kS0wD, kS0pD, kN0wD, kN0pD, kS0wN0wD, kS0pN0pD,
  kS0wVr, kS0pVr, kS0wVl, kS0pVl, kN0wVl, kN0pVl,
  kS0hw, kS0hp, kS0l, kS0lw, kS0lp, kS0ll, kS0rw, kS0rp, kS0rl, kN0lw, kN0lp, kN0ll,
  kS0h2w, kS0h2p, kS0hl, kS0l2w, kS0l2p, kS0l2l, kS0r2w, kS0r2p, kS0r2l, kN0l2w, kN0l2p, kN0l2l,
  kS0pS0lpS0l2p, kS0pS0rpS0r2p, kS0pS0hpS0h2p, kN0pN0lpN0l2p,
  kS0wSr, kS0pSr, kS0wSl, kS0pSl, kN0wNl, kN0pNl,
  kS1w, kS1p, kS1pS0p, kS1pS0pN0p, kS0HeadS0pN0p, kBias, kS0uN0u, kS0uN0uN1u,
};

enum LabelTemplate : uint32_t {
  kLBias = 100, kLHw, kLHp, kLDw, kLDp, kLHwDp, kLHpDw, kLHwDw, kLHpDpDir, kLHpDpDist, kLDwDir,
  kLDpDir, kLHuDuDir, kLHSetDp, kLDLeftDp, kLDRightDp, kLHLabel, kLDCtx, kLHCtx, kLHhp, kLDSuf,
};

// Second labeling pass (RelabelFeatures): in the label table too, apart from LabelTemplate.
enum RelabelTemplate : uint32_t {
  kRFirst = 300, kRFirstHpDp, kRFirstDw, kRDl1, kRHpDpDl1w, kRDRight, kRDLeft, kRHSide, kRHOther,
  kRHLabelHhp, kRHwDw, kRHwDp, kRHpDw, kRDr1, kRInner, kROuter, kRHwDl1w,
};
// Word-class templates (only for parsers trained with clusters), after Koo et al. (2008): the
// classes of s0, n0, n1 and of s0's and n0's nearest children, alone, with tags and in pairs.
enum ClusterTemplate : uint32_t {
  kN0c = 300, kN0cp, kN1c, kN0cN1c, kS0c, kS0cp, kS0cN0c, kS0cpN0cp, kS0hcS0c, kS0lcS0c, kS0rcS0c, kN0lcN0c,
  kS0wN0c, kS0cN0w, kS0cN0p, kS0pN0c, kS0cN0cFine, kN1cp, kN2c,
  kLHc = 400, kLDc, kLHcDc, kLHpDc,
};
constexpr uint32_t kNoneCluster = 0x3fffffff, kRootCluster = 0x3ffffffe;

struct Inputs {
  const ParserWorkspace& ws;
  bool clusters;  // the parser uses word classes: ws.cluster is filled
  uint64_t W(int i) const { return ws.word[i + 1]; }
  uint64_t P(int i) const { return ws.tag[i + 1]; }
  uint64_t U(int i) const { return ws.utag[i + 1]; }
  // Class of token i at a level (0 finest).
  uint64_t C(int i, int level) const { return WordClusters::Level(ws.cluster[i + 1], level); }
};

uint64_t SetHash(const uint64_t* set) { return HashCombine(set[0], set[1]); }

// Transition features split by what they depend on, so that Parse scores most of them once per
// token instead of once per move (integer sums: the same scores):
// - the first buffer token alone (BufferFeatures: the buffer is the rest of the sentence, so n1
//   and n2 follow from n0) and its left children (kBufferLeftGroup), which change only when a
//   LEFT-ARC gives it a new leftmost child;
// - the top of the stack alone (StackTopFeatures and kStackTopGroup: while a token is on the
//   stack its head, its left children and the stack below it cannot change) and its right
//   children (kStackTopRightGroup), which change only when a RIGHT-ARC gives it a new rightmost
//   child;
// - the pairs of the two (kPairGroup), scored at every move.
// A new leftmost (rightmost) child is always further out than the previous one, so the token's
// l1 (r1) identifies the state of a child group.
enum FeatureGroup : unsigned {
  kPairGroup = 1,
  kStackTopGroup = 2,
  kStackTopRightGroup = 4,
  kBufferLeftGroup = 8,
  kAllGroups = 15,
};

size_t BufferFeatures(const State& st, const Inputs& in, uint64_t* f) {
  const int n0 = st.B0(), n1 = st.B(1), n2 = st.B(2);
  const uint64_t n0w = in.W(n0), n0p = in.P(n0), n1w = in.W(n1), n1p = in.P(n1), n2w = in.W(n2), n2p = in.P(n2);
  size_t k = 0;
  f[k++] = Feature(kN0w, n0w);
  f[k++] = Feature(kN0p, n0p);
  f[k++] = Feature(kN0wp, n0w, n0p);
  f[k++] = Feature(kN1w, n1w);
  f[k++] = Feature(kN1p, n1p);
  f[k++] = Feature(kN1wp, n1w, n1p);
  f[k++] = Feature(kN2w, n2w);
  f[k++] = Feature(kN2p, n2p);
  f[k++] = Feature(kN2wp, n2w, n2p);
  f[k++] = Feature(kN0pN1p, n0p, n1p);
  f[k++] = Feature(kN0pN1pN2p, n0p, n1p, n2p);
  f[k++] = Feature(kBias, 0);
  if (in.clusters) {
    f[k++] = Feature(kN0c, in.C(n0, 0));
    f[k++] = Feature(kN0cp, in.C(n0, 1), n0p);
    f[k++] = Feature(kN1c, in.C(n1, 1));
    f[k++] = Feature(kN0cN1c, in.C(n0, 1), in.C(n1, 1));
    f[k++] = Feature(kN1cp, in.C(n1, 0), n1p);
    f[k++] = Feature(kN2c, in.C(n2, 1));
  }
  return k;
}

size_t StackTopFeatures(const State& st, const Inputs& in, uint64_t* f) {
  const int s0 = st.S0();
  const uint64_t s0w = in.W(s0), s0p = in.P(s0);
  size_t k = 0;
  f[k++] = Feature(kS0w, s0w);
  f[k++] = Feature(kS0p, s0p);
  f[k++] = Feature(kS0wp, s0w, s0p);
  if (in.clusters) {
    f[k++] = Feature(kS0c, in.C(s0, 0));
    f[k++] = Feature(kS0cp, in.C(s0, 1), s0p);
  }
  return k;
}

size_t StateFeatures(const State& st, const Inputs& in, unsigned groups, uint64_t* f) {
  const int s0 = st.S0(), n0 = st.B0(), n1 = st.B(1), s1 = st.S1();
  const Node& S0 = st.N(s0);
  const Node& N0 = st.N(n0);
  const int s0h = S0.head, s0h2 = st.N(s0h).head;
  const uint64_t s0w = in.W(s0), s0p = in.P(s0), n0w = in.W(n0), n0p = in.P(n0);
  const uint64_t n1p = in.P(n1);
  const uint64_t d = s0 >= 0 ? std::min(n0 - s0, 10) : 0;
  size_t k = 0;
  // Features are hashed only when their group is wanted; template order is kept for training.
  auto add = [&](FeatureGroup group, auto&& feature) {
    if (groups & group) f[k++] = feature();
  };
  add(kPairGroup, [&] { return Feature(kS0wpN0wp, HashCombine(s0w, s0p), n0w, n0p); });
  add(kPairGroup, [&] { return Feature(kS0wpN0w, s0w, s0p, n0w); });
  add(kPairGroup, [&] { return Feature(kS0wN0wp, s0w, n0w, n0p); });
  add(kPairGroup, [&] { return Feature(kS0wpN0p, s0w, s0p, n0p); });
  add(kPairGroup, [&] { return Feature(kS0pN0wp, s0p, n0w, n0p); });
  add(kPairGroup, [&] { return Feature(kS0wN0w, s0w, n0w); });
  add(kPairGroup, [&] { return Feature(kS0pN0p, s0p, n0p); });
  add(kPairGroup, [&] { return Feature(kS0pN0pN1p, s0p, n0p, n1p); });
  add(kPairGroup, [&] { return Feature(kS0hpS0pN0p, in.P(s0h), s0p, n0p); });
  add(kPairGroup, [&] { return Feature(kS0pS0lpN0p, s0p, in.P(S0.l1), n0p); });
  add(kPairGroup, [&] { return Feature(kS0pS0rpN0p, s0p, in.P(S0.r1), n0p); });
  add(kPairGroup, [&] { return Feature(kS0pN0pN0lp, s0p, n0p, in.P(N0.l1)); });
  add(kPairGroup, [&] { return Feature(kS0wD, s0w, d); });
  add(kPairGroup, [&] { return Feature(kS0pD, s0p, d); });
  add(kPairGroup, [&] { return Feature(kN0wD, n0w, d); });
  add(kPairGroup, [&] { return Feature(kN0pD, n0p, d); });
  add(kPairGroup, [&] { return Feature(kS0wN0wD, s0w, n0w, d); });
  add(kPairGroup, [&] { return Feature(kS0pN0pD, s0p, n0p, d); });
  add(kStackTopRightGroup, [&] { return Feature(kS0wVr, s0w, S0.vr); });
  add(kStackTopRightGroup, [&] { return Feature(kS0pVr, s0p, S0.vr); });
  add(kStackTopGroup, [&] { return Feature(kS0wVl, s0w, S0.vl); });
  add(kStackTopGroup, [&] { return Feature(kS0pVl, s0p, S0.vl); });
  add(kBufferLeftGroup, [&] { return Feature(kN0wVl, n0w, N0.vl); });
  add(kBufferLeftGroup, [&] { return Feature(kN0pVl, n0p, N0.vl); });
  add(kStackTopGroup, [&] { return Feature(kS0hw, in.W(s0h)); });
  add(kStackTopGroup, [&] { return Feature(kS0hp, in.P(s0h)); });
  add(kStackTopGroup, [&] { return Feature(kS0l, S0.label); });
  add(kStackTopGroup, [&] { return Feature(kS0lw, in.W(S0.l1)); });
  add(kStackTopGroup, [&] { return Feature(kS0lp, in.P(S0.l1)); });
  add(kStackTopGroup, [&] { return Feature(kS0ll, st.N(S0.l1).label); });
  add(kStackTopRightGroup, [&] { return Feature(kS0rw, in.W(S0.r1)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0rp, in.P(S0.r1)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0rl, st.N(S0.r1).label); });
  add(kBufferLeftGroup, [&] { return Feature(kN0lw, in.W(N0.l1)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0lp, in.P(N0.l1)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0ll, st.N(N0.l1).label); });
  add(kStackTopGroup, [&] { return Feature(kS0h2w, in.W(s0h2)); });
  add(kStackTopGroup, [&] { return Feature(kS0h2p, in.P(s0h2)); });
  add(kStackTopGroup, [&] { return Feature(kS0hl, st.N(s0h).label); });
  add(kStackTopGroup, [&] { return Feature(kS0l2w, in.W(S0.l2)); });
  add(kStackTopGroup, [&] { return Feature(kS0l2p, in.P(S0.l2)); });
  add(kStackTopGroup, [&] { return Feature(kS0l2l, st.N(S0.l2).label); });
  add(kStackTopRightGroup, [&] { return Feature(kS0r2w, in.W(S0.r2)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0r2p, in.P(S0.r2)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0r2l, st.N(S0.r2).label); });
  add(kBufferLeftGroup, [&] { return Feature(kN0l2w, in.W(N0.l2)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0l2p, in.P(N0.l2)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0l2l, st.N(N0.l2).label); });
  add(kStackTopGroup, [&] { return Feature(kS0pS0lpS0l2p, s0p, in.P(S0.l1), in.P(S0.l2)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0pS0rpS0r2p, s0p, in.P(S0.r1), in.P(S0.r2)); });
  add(kStackTopGroup, [&] { return Feature(kS0pS0hpS0h2p, s0p, in.P(s0h), in.P(s0h2)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0pN0lpN0l2p, n0p, in.P(N0.l1), in.P(N0.l2)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0wSr, s0w, SetHash(S0.right_labels)); });
  add(kStackTopRightGroup, [&] { return Feature(kS0pSr, s0p, SetHash(S0.right_labels)); });
  add(kStackTopGroup, [&] { return Feature(kS0wSl, s0w, SetHash(S0.left_labels)); });
  add(kStackTopGroup, [&] { return Feature(kS0pSl, s0p, SetHash(S0.left_labels)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0wNl, n0w, SetHash(N0.left_labels)); });
  add(kBufferLeftGroup, [&] { return Feature(kN0pNl, n0p, SetHash(N0.left_labels)); });
  add(kStackTopGroup, [&] { return Feature(kS1w, in.W(s1)); });
  add(kStackTopGroup, [&] { return Feature(kS1p, in.P(s1)); });
  add(kStackTopGroup, [&] { return Feature(kS1pS0p, in.P(s1), s0p); });
  add(kPairGroup, [&] { return Feature(kS1pS0pN0p, in.P(s1), s0p, n0p); });
  add(kPairGroup, [&] { return Feature(kS0HeadS0pN0p, s0h >= 0, s0p, n0p); });
  add(kPairGroup, [&] { return Feature(kS0uN0u, in.U(s0), in.U(n0)); });
  add(kPairGroup, [&] { return Feature(kS0uN0uN1u, in.U(s0), in.U(n0), in.U(n1)); });
  if (in.clusters) {
    add(kPairGroup, [&] { return Feature(kS0cN0c, in.C(s0, 1), in.C(n0, 1)); });
    add(kPairGroup, [&] { return Feature(kS0cpN0cp, HashCombine(in.C(s0, 2), s0p), in.C(n0, 2), n0p); });
    add(kPairGroup, [&] { return Feature(kS0wN0c, s0w, in.C(n0, 1)); });
    add(kPairGroup, [&] { return Feature(kS0cN0w, in.C(s0, 1), n0w); });
    add(kPairGroup, [&] { return Feature(kS0cN0p, in.C(s0, 0), n0p); });
    add(kPairGroup, [&] { return Feature(kS0pN0c, s0p, in.C(n0, 0)); });
    add(kPairGroup, [&] { return Feature(kS0cN0cFine, in.C(s0, 0), in.C(n0, 0)); });
    add(kStackTopGroup, [&] { return Feature(kS0hcS0c, in.C(s0h, 1), in.C(s0, 1)); });
    add(kStackTopGroup, [&] { return Feature(kS0lcS0c, in.C(S0.l1, 1), in.C(s0, 1)); });
    add(kStackTopRightGroup, [&] { return Feature(kS0rcS0c, in.C(S0.r1, 1), in.C(s0, 1)); });
    add(kBufferLeftGroup, [&] { return Feature(kN0lcN0c, in.C(N0.l1, 1), in.C(n0, 1)); });
  }
  return k;
}

// All transition features (training, which updates every one of them).
size_t TransitionFeatures(const State& st, const Inputs& in, uint64_t* f) {
  size_t k = BufferFeatures(st, in, f);
  k += StackTopFeatures(st, in, f + k);
  return k + StateFeatures(st, in, kAllGroups, f + k);
}

size_t LabelFeatures(const State& st, const Inputs& in, int h, int d, uint64_t* f) {
  const Node& H = st.N(h);
  const Node& D = st.N(d);
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dist = std::min(std::abs(h - d), 8);
  const uint64_t hw = in.W(h), hp = in.P(h), dw = in.W(d), dp = in.P(d);
  size_t k = 0;
  f[k++] = Feature(kLBias, dir);
  f[k++] = Feature(kLHw, hw);
  f[k++] = Feature(kLHp, hp, dir);
  f[k++] = Feature(kLDw, dw);
  f[k++] = Feature(kLDp, dp, dir);
  f[k++] = Feature(kLHwDp, hw, dp, dir);
  f[k++] = Feature(kLHpDw, hp, dw, dir);
  f[k++] = Feature(kLHwDw, hw, dw);
  f[k++] = Feature(kLHpDpDir, hp, dp, dir);
  f[k++] = Feature(kLHpDpDist, hp, dp, dir * 16 + dist);
  f[k++] = Feature(kLDwDir, dw, dir);
  f[k++] = Feature(kLDpDir, dp, dir, in.U(d));
  f[k++] = Feature(kLHuDuDir, in.U(h), in.U(d), dir);
  f[k++] = Feature(kLHSetDp, SetHash(d < h ? H.left_labels : H.right_labels), dp, dir);
  f[k++] = Feature(kLDLeftDp, SetHash(D.left_labels), dp, hp);
  f[k++] = Feature(kLDRightDp, SetHash(D.right_labels), dp);
  f[k++] = Feature(kLHLabel, H.label, hp, dp);
  f[k++] = Feature(kLDCtx, in.P(d - 1), dp, d + 1 < st.n() ? in.P(d + 1) : kRootTag);
  f[k++] = Feature(kLHCtx, in.P(h - 1), hp, h + 1 < st.n() ? in.P(h + 1) : kRootTag);
  f[k++] = Feature(kLHhp, in.P(H.head), hp, dp);
  if (in.clusters) {
    f[k++] = Feature(kLHc, in.C(h, 1), dir);
    f[k++] = Feature(kLDc, in.C(d, 0), dir);
    f[k++] = Feature(kLHcDc, in.C(h, 1), in.C(d, 1), dir);
    f[k++] = Feature(kLHpDc, hp, in.C(d, 0), dir);
  }
  return k;
}

// Fills ws.siblings for the finished tree of `st` (see ParserWorkspace).
void FindSiblings(const State& st, ParserWorkspace& ws) {
  const int n = st.n();
  ws.siblings.assign(2 * (n + 2), -1);
  ws.last_dependent.assign(2 * (n + 2), -1);
  for (int d = 0; d < n; ++d) {
    const int h = st.N(d).head;
    const int side = d > h;
    int& last = ws.last_dependent[2 * (h + 1) + side];
    if (last >= 0) {
      // Left of the head the earlier dependent is further out, right of it closer in.
      const int closer = side ? last : d, further = side ? d : last;
      ws.siblings[2 * (further + 1)] = closer;
      ws.siblings[2 * (closer + 1) + 1] = further;
    }
    last = d;
  }
}

// Features of the arc h -> d in the finished tree for the second labeling pass: unlike at arc
// time, both tokens' children are all known (a right dependent's own right children, the
// head's later siblings and its head), and the first-pass label is a feature.
size_t RelabelFeatures(const State& st, const Inputs& in, int h, int d, uint64_t* f) {
  const Node& H = st.N(h);
  const Node& D = st.N(d);
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t first = D.label;
  const uint64_t hw = in.W(h), hp = in.P(h), dw = in.W(d), dp = in.P(d);
  // The head's other dependents on d's side (d's own label bit cleared) and on the other side.
  uint64_t side[2] = {(d < h ? H.left_labels : H.right_labels)[0], (d < h ? H.left_labels : H.right_labels)[1]};
  side[first >> 6] &= ~(uint64_t{1} << (first & 63));
  // The dependent's leftmost child is its phrase's case/mark word when it has one.
  const uint64_t dl1w = in.W(D.l1);
  size_t k = 0;
  f[k++] = Feature(kRFirst, first, dir);
  f[k++] = Feature(kRFirstHpDp, first, hp, dp * 4 + dir);
  f[k++] = Feature(kRFirstDw, first, dw);
  f[k++] = Feature(kRDl1, dp, dl1w, st.N(D.l1).label);
  f[k++] = Feature(kRHpDpDl1w, HashCombine(hp, dp), dl1w, dir);
  f[k++] = Feature(kRDRight, SetHash(D.right_labels), dp, first);
  f[k++] = Feature(kRDLeft, SetHash(D.left_labels), dp, first);
  f[k++] = Feature(kRHSide, SetHash(side), HashCombine(hp, dp), dir);
  f[k++] = Feature(kRHOther, SetHash(d < h ? H.right_labels : H.left_labels), first);
  f[k++] = Feature(kRHLabelHhp, HashCombine(H.label, in.P(H.head)), hp, dp);
  f[k++] = Feature(kRHwDw, hw, dw);
  f[k++] = Feature(kRHwDp, hw, dp, dir);
  f[k++] = Feature(kRHpDw, hp, dw, dir);
  f[k++] = Feature(kRDr1, dp, in.W(D.r1), st.N(D.r1).label);
  const int inner = in.ws.siblings[2 * (d + 1)], outer = in.ws.siblings[2 * (d + 1) + 1];
  f[k++] = Feature(kRInner, first, dp, HashCombine(st.N(inner).label, in.P(inner)));
  f[k++] = Feature(kROuter, first, dp, HashCombine(st.N(outer).label, in.P(outer)));
  f[k++] = Feature(kRHwDl1w, hw, dl1w, dp);
  return k;
}

// Best valid move by score.
template <typename T>
int BestMove(const State& st, const T* scores) {
  int best = -1;
  for (int m = 0; m < kNumMoves; ++m) {
    if (st.Valid(m) && (best < 0 || scores[m] > scores[best])) best = m;
  }
  return best;
}

template <typename T>
uint8_t BestLabel(const T* scores) {
  int best = model::kDeprelDep;
  for (int c = 2; c < kLabels; ++c) if (scores[c] > scores[best]) best = c;
  return static_cast<uint8_t>(best);
}

void PrepareInputs(const model::Document& doc, const model::Sentence& s, const WordClusters* clusters,
                   ParserWorkspace& ws) {
  const int n = static_cast<int>(s.size());
  ws.word.resize(n + 2);
  ws.tag.resize(n + 2);
  ws.utag.resize(n + 2);
  ws.word[0] = kNoneWord;
  ws.tag[0] = ws.utag[0] = kNoneTag;
  auto toks = doc.Tokens(s);
  for (int i = 0; i < n; ++i) {
    AsciiLower(doc.Form(toks[i]), ws.lower);
    ws.word[i + 1] = HashBytes(ws.lower, 0x10);
    ws.tag[i + 1] = toks[i].xpos;
    ws.utag[i + 1] = toks[i].upos;
  }
  if (clusters != nullptr) {
    ws.cluster.resize(n + 2);
    ws.cluster[0] = kNoneCluster;
    for (int i = 0; i < n; ++i) ws.cluster[i + 1] = clusters->Classes(doc.Form(toks[i]), ws.lower);
    ws.cluster[n + 1] = kRootCluster;
  }
  ws.word[n + 1] = kRootWord;
  ws.tag[n + 1] = ws.utag[n + 1] = kRootTag;
  if (ws.features.size() < kMaxFeatures) ws.features.resize(kMaxFeatures);
}

// Makes the root's dependents a single one: every later root child is re-attached to the first
// with `relabel(dep)`, keeping the output a tree with one root.
template <typename Relabel>
void SingleRoot(State& st, Relabel&& relabel) {
  int first = -1;
  for (int i = 0; i < st.n(); ++i) {
    if (st.N(i).head != st.n()) continue;
    if (first < 0) { first = i; continue; }
    st.AddArc(first, i, model::kDeprelDep);
    st.N(i).label = relabel(first, i);
  }
}

// Greedy decoding. With kCacheGroups, a token's feature groups are scored once per state of the
// group (FeatureGroup); without, every feature at every move: the reference the tests compare
// Parse with.
template <bool kCacheGroups>
void Decode(const SparseWeights& transitions, const SparseWeights& labels, const WordClusters* clusters,
            model::Document& doc, const model::Sentence& s, ParserWorkspace& ws, bool relabel = true) {
  const int n = static_cast<int>(s.size());
  if (n == 0) return;
  PrepareInputs(doc, s, clusters, ws);
  State st(ws, n);
  Inputs in{ws, clusters != nullptr};
  uint64_t* f = ws.features.data();
  auto label = [&](int h, int d) {
    size_t nf = LabelFeatures(st, in, h, d, f);
    int32_t scores[kLabels] = {};
    labels.Score(std::span<const uint64_t>(f, nf), scores);
    const uint8_t best = BestLabel(scores);
    int32_t second = INT32_MIN;  // labels 0 (none) and 1 (root) are never predicted here
    for (int c = 2; c < kLabels; ++c) if (c != best) second = std::max(second, scores[c]);
    ws.label_margin[d + 1] = scores[best] - second;
    return best;
  };
  ws.label_margin.assign(n + 2, 0);
  ws.token_scores.assign(n + 2, ParserWorkspace::TokenScores{});
  // A token group's features to score into its cache: f[begin, end) into `scores`.
  struct Pending {
    int32_t* scores;
    size_t begin, end;
  };
  while (!st.Terminal()) {
    int32_t scores[kNumMoves] = {};
    size_t nf = 0;
    if constexpr (kCacheGroups) {
      const int b0 = st.B0(), s0 = st.S0();
      Pending pending[4];
      size_t stale = 0;
      // Group g of `token` in the state `child` (-1 or a child index): its cached scores, or
      // its features appended to f to be scored below.
      auto group = [&](int token, int g, int child, auto&& features) -> const int32_t* {
        ParserWorkspace::TokenScores& t = ws.token_scores[token + 1];
        if (t.state[g] != child + 2) {
          t.state[g] = child + 2;
          std::fill_n(t.scores[g], kNumMoves, 0);
          pending[stale++] = {t.scores[g], nf, nf + features(f + nf)};
          nf = pending[stale - 1].end;
        }
        return t.scores[g];
      };
      const int32_t* groups[] = {
          group(b0, 0, -1, [&](uint64_t* out) { return BufferFeatures(st, in, out); }),
          group(b0, 1, st.N(b0).l1, [&](uint64_t* out) { return StateFeatures(st, in, kBufferLeftGroup, out); }),
          group(s0, 2, -1,
                [&](uint64_t* out) {
                  size_t k = StackTopFeatures(st, in, out);
                  return k + StateFeatures(st, in, kStackTopGroup, out + k);
                }),
          group(s0, 3, st.N(s0).r1, [&](uint64_t* out) { return StateFeatures(st, in, kStackTopRightGroup, out); }),
      };
      const size_t pair_begin = nf;
      nf += StateFeatures(st, in, kPairGroup, f + nf);
      // One prefetch over every feature of the move: their cache misses overlap.
      transitions.Prefetch(std::span<const uint64_t>(f, nf));
      for (size_t p = 0; p < stale; ++p) {
        transitions.Score(std::span<const uint64_t>(f + pending[p].begin, pending[p].end - pending[p].begin),
                          pending[p].scores);
      }
      for (const int32_t* g : groups) {
        for (int m = 0; m < kNumMoves; ++m) scores[m] += g[m];
      }
      transitions.Score(std::span<const uint64_t>(f + pair_begin, nf - pair_begin), scores);
    } else {
      nf = TransitionFeatures(st, in, f);
      transitions.Score(std::span<const uint64_t>(f, nf), scores);
    }
    int m = BestMove(st, scores);
    uint8_t l = 0;
    if (m == kLeft && st.B0() < n) l = label(st.B0(), st.S0());
    if (m == kRight) l = label(st.S0(), st.B0());
    st.Apply(m, l);
  }
  SingleRoot(st, label);
  if (relabel) {
    // Every arc's features see the first-pass labels (as in training): new labels go in last.
    FindSiblings(st, ws);
    ws.new_labels.resize(n);
    for (int i = 0; i < n; ++i) {
      const Node& node = st.N(i);
      ws.new_labels[i] = node.label;
      if (node.head == n || ws.label_margin[i + 1] >= kRelabelMargin) continue;
      size_t nf = RelabelFeatures(st, in, node.head, i, f);
      int32_t scores[kLabels] = {};
      labels.Score(std::span<const uint64_t>(f, nf), scores);
      // Models without the pass score nothing and keep the first label.
      const uint8_t best = BestLabel(scores);
      if (scores[best] > scores[node.label]) ws.new_labels[i] = best;
    }
    for (int i = 0; i < n; ++i) st.N(i).label = ws.new_labels[i];
  }
  auto toks = doc.Tokens(s);
  for (int i = 0; i < n; ++i) {
    const Node& node = st.N(i);
    toks[i].head = node.head == n ? -1 : node.head;
    toks[i].deprel = node.head == n ? model::kDeprelRoot : node.label;
  }
}

}  // namespace

void Parser::Parse(model::Document& doc, const model::Sentence& s, ParserWorkspace& ws) const {
  Decode<true>(transitions_, labels_, clusters_, doc, s, ws);
}

void Parser::ParseReference(model::Document& doc, const model::Sentence& s, ParserWorkspace& ws) const {
  Decode<false>(transitions_, labels_, clusters_, doc, s, ws);
}

Parser Parser::Train(std::span<const model::Document> train, std::span<const model::Document> dev,
                     const Tagger* dev_tagger, const ParserOptions& options, const LogFn& log) {
  struct Ref {
    uint32_t doc, sentence;
  };
  std::vector<Ref> order;
  for (uint32_t d = 0; d < train.size(); ++d) {
    for (uint32_t s = 0; s < train[d].sentences.size(); ++s) order.push_back({d, s});
  }
  std::vector<model::Document> dev_docs(dev.begin(), dev.end());
  if (dev_tagger != nullptr) {
    TaggerWorkspace tws;
    for (model::Document& d : dev_docs) {
      for (const model::Sentence& s : d.sentences) dev_tagger->Tag(d, s, tws);
    }
  }
  PerceptronTrainer moves(kNumMoves);
  PerceptronTrainer labels(kLabels);
  ParserWorkspace ws;
  std::vector<int32_t> gold;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  Parser parser;
  parser.clusters_ = options.clusters;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t arcs = 0, correct_heads = 0;
    for (const Ref& ref : order) {
      const model::Document& doc = train[ref.doc];
      const model::Sentence& s = doc.sentences[ref.sentence];
      const int n = static_cast<int>(s.size());
      if (n == 0) continue;
      auto toks = doc.Tokens(s);
      gold.resize(n);
      bool usable = true;
      for (int i = 0; i < n; ++i) {
        gold[i] = toks[i].head < 0 ? n : toks[i].head;
        usable &= gold[i] >= 0 && gold[i] <= n && gold[i] != i;
      }
      if (!usable) continue;
      PrepareInputs(doc, s, options.clusters, ws);
      State st(ws, n);
      Inputs in{ws, options.clusters != nullptr};
      uint64_t* f = ws.features.data();
      auto label = [&](int h, int d) -> uint8_t {
        size_t nf = LabelFeatures(st, in, h, d, f);
        std::span<const uint64_t> fs(f, nf);
        float scores[kLabels] = {};
        labels.Score(fs, scores);
        uint8_t predicted = BestLabel(scores);
        uint8_t want = toks[d].deprel;
        if (gold[d] == h && want > model::kDeprelRoot && predicted != want) {
          labels.Update(fs, want, 1.0f);
          labels.Update(fs, predicted, -1.0f);
        }
        labels.Tick();
        return predicted;
      };
      const bool explore = epoch > 0;
      while (!st.Terminal()) {
        size_t nf = TransitionFeatures(st, in, f);
        std::span<const uint64_t> fs(f, nf);
        float scores[kNumMoves] = {};
        moves.Score(fs, scores);
        int cost[kNumMoves];
        st.Costs(gold.data(), cost);
        int predicted = BestMove(st, scores);
        int min_cost = INT32_MAX;
        for (int m = 0; m < kNumMoves; ++m) if (st.Valid(m)) min_cost = std::min(min_cost, cost[m]);
        int best_zero = -1;
        for (int m = 0; m < kNumMoves; ++m) {
          if (st.Valid(m) && cost[m] == min_cost && (best_zero < 0 || scores[m] > scores[best_zero])) best_zero = m;
        }
        int next = predicted;
        if (cost[predicted] != min_cost) {
          moves.Update(fs, best_zero, 1.0f);
          moves.Update(fs, predicted, -1.0f);
          if (!explore || coin(rng) >= options.explore) next = best_zero;
        }
        moves.Tick();
        uint8_t l = 0;
        if (next == kLeft && st.B0() < n) l = label(st.B0(), st.S0());
        if (next == kRight) l = label(st.S0(), st.B0());
        st.Apply(next, l);
      }
      FindSiblings(st, ws);
      for (int i = 0; i < n; ++i) {
        arcs++;
        correct_heads += st.N(i).head == gold[i];
        // The second labeling pass learns from the finished parse's correct arcs. No Tick: the
        // first pass's clock serves both, so its averaged weights do not change.
        const uint8_t want = toks[i].deprel;
        if (st.N(i).head != gold[i] || gold[i] == n || want <= model::kDeprelRoot) continue;
        std::span<const uint64_t> fs(f, RelabelFeatures(st, in, gold[i], i, f));
        float scores[kLabels] = {};
        labels.Score(fs, scores);
        const uint8_t predicted = BestLabel(scores);
        if (predicted != want) {
          labels.Update(fs, want, 1.0f);
          labels.Update(fs, predicted, -1.0f);
        }
      }
    }
    std::string line = fmt::format("parser epoch {}: train UAS {:.2f} ({} transition and {} label features)",
                                   epoch + 1, 100.0 * correct_heads / std::max<size_t>(1, arcs),
                                   moves.num_features(), labels.num_features());
    if (!dev_docs.empty()) {
      parser.transitions_ = moves.Finish();
      parser.labels_ = labels.Finish();
      size_t total = 0, uas = 0, las = 0, first_las = 0;
      for (const model::Document& d : dev_docs) {
        model::Document copy = d, first = d;
        for (const model::Sentence& s : copy.sentences) {
          parser.Parse(copy, s, ws);
          Decode<true>(parser.transitions_, parser.labels_, parser.clusters_, first, s, ws, /*relabel=*/false);
        }
        for (size_t i = 0; i < d.tokens.size(); ++i) {
          total++;
          bool head = copy.tokens[i].head == d.tokens[i].head;
          uas += head;
          const uint8_t gold_label = model::DeprelBase(d.tokens[i].deprel);
          las += head && model::DeprelBase(copy.tokens[i].deprel) == gold_label;
          first_las += head && model::DeprelBase(first.tokens[i].deprel) == gold_label;
        }
      }
      line += fmt::format("; dev UAS {:.2f} LAS {:.2f} (first labeling pass alone {:.2f})",
                          100.0 * uas / std::max<size_t>(1, total), 100.0 * las / std::max<size_t>(1, total),
                          100.0 * first_las / std::max<size_t>(1, total));
    }
    if (log) log(line);
  }
  parser.transitions_ = moves.Finish();
  parser.labels_ = labels.Finish();
  return parser;
}

void Parser::Save(ByteWriter& w) const {
  transitions_.Save(w);
  labels_.Save(w);
}

Status Parser::Load(ByteReader& r, uint32_t version, int min_weight) {
  if (!transitions_.Load(r, version, min_weight) || transitions_.num_classes() != kNumMoves) {
    return DataLossError("parser: bad transition weights");
  }
  if (!labels_.Load(r, version, min_weight) || labels_.num_classes() != kLabels) return DataLossError("parser: bad label weights");
  return Status::Ok();
}

std::vector<model::Document> JackknifeTags(std::span<const model::Document> docs, int folds,
                                           const TaggerOptions& options, const LogFn& log) {
  std::vector<model::Document> out(docs.begin(), docs.end());
  if (folds < 2) return out;
  TaggerWorkspace ws;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<model::Document> rest;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (static_cast<int>(d % folds) != fold) rest.push_back(docs[d]);
    }
    Tagger tagger = Tagger::Train(rest, {}, options, nullptr);
    for (size_t d = fold; d < docs.size(); d += folds) {
      for (const model::Sentence& s : out[d].sentences) tagger.Tag(out[d], s, ws);
    }
    if (log) log(fmt::format("jackknife: fold {}/{} tagged", fold + 1, folds));
  }
  return out;
}

}  // namespace dyad::nlp
