;; The keyword automaton run over a file's bytes in WebAssembly, four stretches of the text at once.
;;
;; Why: the keyword pass is the largest part of a tree scan, and one automaton is a chain of dependent loads (the next
;; state needs the current one), some 14 cycles a byte whether in JavaScript or here. Four independent stretches
;; interleaved let the processor overlap four chains: 1.8 GB/s against some 0.3 GB/s for the JavaScript loop.
;; `keyword-lanes.ts` drives it; `npm run build:wasm` turns this file into `keyword-lanes-wasm.ts`.
;;
;; Memory layout (the memory is keyword-lanes.ts's, sized there for the tables and a window of text):
;;          0  each byte's class × 4, as uint16 (the class of a byte that no keyword holds is 0)
;;        512  four lanes, 12 bytes each: position (address of the next byte), row, output (address of the next record)
;;       1024  the transitions: row + class × 4 → the next row, a row being a state's byte offset in this table;
;;             stored bitwise-inverted (negative) when the next state ends a keyword (written as the automaton's
;;             states × width, then scaled by `scale`)
;;  after it  the output records and the text, placed by keyword-lanes.ts
;;
;; A record is two int32s: the address just past the byte that ended a keyword, and the row of the state it reached
;; (whose keywords the driver looks up).
(module
  (import "env" "memory" (memory 1))

  ;; Turns the $count transitions written at 1024 as states × width (the automaton's own tables) into byte offsets:
  ;; the hot loops then add and load, without multiplying. Done here, since a JavaScript loop over the 128,000 entries
  ;; of the built-in table takes some 3 ms on a cold start.
  (func (export "scale") (param $count i32)
    (local $at i32) (local $end i32) (local $next i32)
    (local.set $at (i32.const 1024))
    (local.set $end (i32.add (i32.const 1024) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $next (i32.load (local.get $at)))
        (if (i32.ge_s (local.get $next) (i32.const 0))
          (then (i32.store (local.get $at) (i32.shl (local.get $next) (i32.const 2))))
          (else (i32.store (local.get $at) (i32.xor (i32.shl (i32.xor (local.get $next) (i32.const -1)) (i32.const 2)) (i32.const -1)))))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $each))))

  ;; Runs lane $lane (0 to 3) until its position reaches $end.
  (func (export "one") (param $lane i32) (param $end i32)
    (local $at i32) (local $pos i32) (local $row i32) (local $out i32) (local $next i32)
    (local.set $at (i32.mul (local.get $lane) (i32.const 12)))
    (local.set $pos (i32.load offset=512 (local.get $at)))
    (local.set $row (i32.load offset=516 (local.get $at)))
    (local.set $out (i32.load offset=520 (local.get $at)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $pos) (local.get $end)))
        (local.set $next (i32.load offset=1024 (i32.add (local.get $row)
          (i32.load16_u (i32.shl (i32.load8_u (local.get $pos)) (i32.const 1))))))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (local.set $row (local.get $next))
        (br_if $each (i32.ge_s (local.get $next) (i32.const 0)))
        (local.set $row (i32.xor (local.get $next) (i32.const -1)))
        (i32.store (local.get $out) (local.get $pos))
        (i32.store offset=4 (local.get $out) (local.get $row))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $each)))
    (i32.store offset=512 (local.get $at) (local.get $pos))
    (i32.store offset=516 (local.get $at) (local.get $row))
    (i32.store offset=520 (local.get $at) (local.get $out)))

  ;; Advances all four lanes by $steps bytes each, interleaved.
  (func (export "four") (param $steps i32)
    (local $p0 i32) (local $r0 i32) (local $o0 i32) (local $n0 i32)
    (local $p1 i32) (local $r1 i32) (local $o1 i32) (local $n1 i32)
    (local $p2 i32) (local $r2 i32) (local $o2 i32) (local $n2 i32)
    (local $p3 i32) (local $r3 i32) (local $o3 i32) (local $n3 i32)
    (local $end i32)
    (local.set $p0 (i32.load (i32.const 512)))
    (local.set $r0 (i32.load (i32.const 516)))
    (local.set $o0 (i32.load (i32.const 520)))
    (local.set $p1 (i32.load (i32.const 524)))
    (local.set $r1 (i32.load (i32.const 528)))
    (local.set $o1 (i32.load (i32.const 532)))
    (local.set $p2 (i32.load (i32.const 536)))
    (local.set $r2 (i32.load (i32.const 540)))
    (local.set $o2 (i32.load (i32.const 544)))
    (local.set $p3 (i32.load (i32.const 548)))
    (local.set $r3 (i32.load (i32.const 552)))
    (local.set $o3 (i32.load (i32.const 556)))
    (local.set $end (i32.add (local.get $p0) (local.get $steps)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p0) (local.get $end)))
        (local.set $n0 (i32.load offset=1024 (i32.add (local.get $r0)
          (i32.load16_u (i32.shl (i32.load8_u (local.get $p0)) (i32.const 1))))))
        (local.set $n1 (i32.load offset=1024 (i32.add (local.get $r1)
          (i32.load16_u (i32.shl (i32.load8_u (local.get $p1)) (i32.const 1))))))
        (local.set $n2 (i32.load offset=1024 (i32.add (local.get $r2)
          (i32.load16_u (i32.shl (i32.load8_u (local.get $p2)) (i32.const 1))))))
        (local.set $n3 (i32.load offset=1024 (i32.add (local.get $r3)
          (i32.load16_u (i32.shl (i32.load8_u (local.get $p3)) (i32.const 1))))))
        (local.set $p0 (i32.add (local.get $p0) (i32.const 1)))
        (local.set $p1 (i32.add (local.get $p1) (i32.const 1)))
        (local.set $p2 (i32.add (local.get $p2) (i32.const 1)))
        (local.set $p3 (i32.add (local.get $p3) (i32.const 1)))
        (local.set $r0 (local.get $n0))
        (local.set $r1 (local.get $n1))
        (local.set $r2 (local.get $n2))
        (local.set $r3 (local.get $n3))
        ;; One test for the common case: no lane ended a keyword.
        (br_if $each (i32.ge_s (i32.or (i32.or (local.get $n0) (local.get $n1)) (i32.or (local.get $n2) (local.get $n3)))
                               (i32.const 0)))
        (if (i32.lt_s (local.get $n0) (i32.const 0)) (then
          (local.set $r0 (i32.xor (local.get $n0) (i32.const -1)))
          (i32.store (local.get $o0) (local.get $p0))
          (i32.store offset=4 (local.get $o0) (local.get $r0))
          (local.set $o0 (i32.add (local.get $o0) (i32.const 8)))))
        (if (i32.lt_s (local.get $n1) (i32.const 0)) (then
          (local.set $r1 (i32.xor (local.get $n1) (i32.const -1)))
          (i32.store (local.get $o1) (local.get $p1))
          (i32.store offset=4 (local.get $o1) (local.get $r1))
          (local.set $o1 (i32.add (local.get $o1) (i32.const 8)))))
        (if (i32.lt_s (local.get $n2) (i32.const 0)) (then
          (local.set $r2 (i32.xor (local.get $n2) (i32.const -1)))
          (i32.store (local.get $o2) (local.get $p2))
          (i32.store offset=4 (local.get $o2) (local.get $r2))
          (local.set $o2 (i32.add (local.get $o2) (i32.const 8)))))
        (if (i32.lt_s (local.get $n3) (i32.const 0)) (then
          (local.set $r3 (i32.xor (local.get $n3) (i32.const -1)))
          (i32.store (local.get $o3) (local.get $p3))
          (i32.store offset=4 (local.get $o3) (local.get $r3))
          (local.set $o3 (i32.add (local.get $o3) (i32.const 8)))))
        (br $each)))
    (i32.store (i32.const 512) (local.get $p0))
    (i32.store (i32.const 516) (local.get $r0))
    (i32.store (i32.const 520) (local.get $o0))
    (i32.store (i32.const 524) (local.get $p1))
    (i32.store (i32.const 528) (local.get $r1))
    (i32.store (i32.const 532) (local.get $o1))
    (i32.store (i32.const 536) (local.get $p2))
    (i32.store (i32.const 540) (local.get $r2))
    (i32.store (i32.const 544) (local.get $o2))
    (i32.store (i32.const 548) (local.get $p3))
    (i32.store (i32.const 552) (local.get $r3))
    (i32.store (i32.const 556) (local.get $o3)))

  ;; UTF-16 offsets for valid UTF-8: walks the bytes from $pos, adding one unit for each byte that starts a code point
  ;; (one that is not 10xxxxxx) and one more for each that starts a four-byte one (11110xxx: a surrogate pair), and
  ;; replaces the address in each of the $count records at $records (in order of address) by the units before it,
  ;; counted from $units at $pos. Returns the units at $end. Eight bytes at a time where it can: bit 7 of each byte
  ;; of (x << k) is bit 7 - k of that byte of x, so masks of bit 7 count the patterns.
  (func (export "units") (param $pos i32) (param $end i32) (param $records i32) (param $count i32) (param $units i32) (result i32)
    (local $stop i32) (local $b i32) (local $x i64)
    (block $all
      (loop $record
        (local.set $stop (local.get $end))
        (if (local.get $count) (then (local.set $stop (i32.load (local.get $records)))))
        (block $words
          (loop $word
            (br_if $words (i32.gt_u (i32.add (local.get $pos) (i32.const 8)) (local.get $stop)))
            (local.set $x (i64.load (local.get $pos)))
            (local.set $units (i32.add (local.get $units) (i32.wrap_i64 (i64.add
              (i64.sub (i64.const 8) (i64.popcnt (i64.and (i64.and (local.get $x) (i64.const 0x8080808080808080))
                (i64.xor (i64.shl (local.get $x) (i64.const 1)) (i64.const -1)))))
              (i64.popcnt (i64.and
                (i64.and (i64.and (local.get $x) (i64.const 0x8080808080808080)) (i64.shl (local.get $x) (i64.const 1)))
                (i64.and (i64.and (i64.shl (local.get $x) (i64.const 2)) (i64.shl (local.get $x) (i64.const 3)))
                  (i64.xor (i64.shl (local.get $x) (i64.const 4)) (i64.const -1)))))))))
            (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
            (br $word)))
        (block $reached
          (loop $byte
            (br_if $reached (i32.ge_u (local.get $pos) (local.get $stop)))
            (local.set $b (i32.load8_u (local.get $pos)))
            (local.set $units (i32.add (local.get $units)
              (i32.add (i32.ne (i32.and (local.get $b) (i32.const 0xc0)) (i32.const 0x80))
                       (i32.ge_u (local.get $b) (i32.const 0xf0)))))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (br $byte)))
        (br_if $all (i32.eqz (local.get $count)))
        (i32.store (local.get $records) (local.get $units))
        (local.set $records (i32.add (local.get $records) (i32.const 8)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $record)))
    (local.get $units))
)
